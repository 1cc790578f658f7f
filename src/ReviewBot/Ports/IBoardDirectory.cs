using ReviewBot.Core.Boards;

namespace ReviewBot.Ports;

/// <summary>Boards' configuration: rulebook, agencies, people and roles, local rules.</summary>
public interface IBoardDirectory
{
    /// <summary>One board, or null.</summary>
    Task<BoardConfiguration?> GetAsync(string boardId, CancellationToken cancellationToken);

    /// <summary>The board serving a tenant, or null when the tenant has none.</summary>
    Task<BoardConfiguration?> FindByTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every board (for sweeps).</summary>
    Task<IReadOnlyList<BoardConfiguration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces a board's configuration.</summary>
    Task SaveAsync(BoardConfiguration board, CancellationToken cancellationToken);
}
