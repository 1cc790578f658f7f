using System.Security.Cryptography;
using System.Text.Json;
using ReviewBot.Core.Boards;

namespace ReviewBot.Storage;

/// <summary>
/// Seeds a board's configuration from a JSON file (camelCase, enums by name, e.g. <c>demo-board.json</c> here)
/// when the board is absent or the file changed since it was last seeded. A change made in the app since is
/// kept until the file itself changes.
/// </summary>
public sealed partial class BoardSeeder
{
    private readonly TableBoardDirectory directory;
    private readonly ILogger<BoardSeeder> logger;

    /// <summary>Creates the seeder.</summary>
    public BoardSeeder(TableBoardDirectory directory, ILogger<BoardSeeder> logger)
    {
        this.directory = directory ?? throw new ArgumentNullException(nameof(directory));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Seeds the board in <paramref name="path"/> if needed.</summary>
    /// <returns>True when the board was written.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid board configuration.</exception>
    public async Task<bool> SeedAsync(string path, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var board = Parse(content, path);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(content));
        var (exists, storedFingerprint) = await directory.FindSourceHashAsync(board.BoardId, cancellationToken).ConfigureAwait(false);
        if (exists && storedFingerprint == fingerprint)
        {
            LogUnchanged(board.BoardId);
            return false;
        }

        await directory.SaveAsync(board, fingerprint, cancellationToken).ConfigureAwait(false);
        LogSeeded(board.BoardId, Path.GetFileName(path));
        return true;
    }

    /// <summary>Reads a board configuration file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid board configuration.</exception>
    public static BoardConfiguration Parse(ReadOnlySpan<byte> content, string path)
    {
        BoardConfiguration? board;
        try
        {
            board = JsonSerializer.Deserialize<BoardConfiguration>(content, StorageJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Board file {path} is not a valid board configuration: {e.Message}", e);
        }

        if (board is null || string.IsNullOrWhiteSpace(board.BoardId) || string.IsNullOrWhiteSpace(board.TenantId))
        {
            throw new InvalidDataException($"Board file {path} needs a boardId and a tenantId.");
        }

        var duplicate = board.People.GroupBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Board file {path} lists object id {duplicate.Key} more than once.");
        }

        return board;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Board {BoardId} seeded from {File}")]
    private partial void LogSeeded(string boardId, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Board {BoardId} is up to date with its seed file")]
    private partial void LogUnchanged(string boardId);
}
