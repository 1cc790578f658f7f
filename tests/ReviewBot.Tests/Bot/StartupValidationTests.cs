using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace ReviewBot.Tests.Bot;

/// <summary>Bad configuration stops start-up with a message naming the setting.</summary>
public class StartupValidationTests
{
    [Theory]
    [InlineData("Development", "Graph:BaseUrl", "not a url", "Graph:BaseUrl")]
    [InlineData("Development", "Graph:BaseUrl", "http://graph.example.org/v1.0", "https")]
    [InlineData("Development", "Sweeps:DeadlineInterval", "00:00:00", "Sweeps:DeadlineInterval")]
    [InlineData("Production", "Bot:AppId", "", "Bot__AppId")]
    public void Start_up_fails_clearly(string environment, string key, string value, string expectedInMessage)
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:ConnectionString", "UseDevelopmentStorage=true");
            builder.UseSetting(key, value);
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Server);

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }
}
