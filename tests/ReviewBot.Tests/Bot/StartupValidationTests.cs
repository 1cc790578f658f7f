using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using ReviewBot.Hosting;

namespace ReviewBot.Tests.Bot;

/// <summary>Bad configuration stops start-up with a message naming the setting.</summary>
/// <remarks>
/// The app is built here as Program builds it rather than through WebApplicationFactory: when an app fails at
/// start, the factory's deferred host can race its own disposal and throw ObjectDisposedException instead of the
/// start-up error (dotnet/aspnetcore#33494), which made this test fail under load.
/// </remarks>
public class StartupValidationTests
{
    [Theory]
    [InlineData("Development", "Graph:BaseUrl", "not a url", "Graph:BaseUrl")]
    [InlineData("Development", "Graph:BaseUrl", "http://graph.example.org/v1.0", "https")]
    [InlineData("Development", "Sweeps:DeadlineInterval", "00:00:00", "Sweeps:DeadlineInterval")]
    [InlineData("Production", "Bot:AppId", "", "Bot__AppId")]
    public async Task Start_up_fails_clearly(string environment, string key, string value, string expectedInMessage)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration[key] = value;
        builder.AddReviewBot();
        await using var app = builder.Build();
        app.MapReviewBot();

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }
}
