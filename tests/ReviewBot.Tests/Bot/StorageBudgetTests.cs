using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewBot.Storage;

namespace ReviewBot.Tests.Bot;

/// <summary>The app with every Table storage request counted.</summary>
public sealed class CountingBotHost : BotHost
{
    public CountingStorageRequests Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(sp => TableStorageClients.CreateServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            options => options.AddPolicy(Counter, HttpPipelinePosition.PerCall))));
    }
}

/// <summary>Counts requests that reach the storage service (per call, so retries would count once).</summary>
public sealed class CountingStorageRequests : HttpPipelineSynchronousPolicy
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}

/// <summary>The performance budget from the start: a plain chat turn makes at most 2 storage requests.</summary>
public sealed class StorageBudgetTests(CountingBotHost host) : IClassFixture<CountingBotHost>
{
    [Fact]
    public async Task A_plain_chat_turn_and_a_referral_answer_each_make_at_most_two_storage_requests()
    {
        await host.PostAsync(host.Activity("message", Actors.Referrer, "hello")); // first contact: the address is stored once
        await host.PostAsync(host.Activity("message", Actors.Referrer, "refer"));

        var help = await RequestsDuringAsync(() => host.PostAsync(host.Activity("message", Actors.Referrer, "help")));
        var answer = await RequestsDuringAsync(() => host.PostAsync(host.Activity("message", Actors.Referrer, "Ruth Okafor")));
        var back = await RequestsDuringAsync(() => host.PostAsync(host.Activity("message", Actors.Referrer, "back")));

        Assert.InRange(help, 1, 2);
        Assert.InRange(answer, 1, 2);
        Assert.InRange(back, 1, 2);
    }

    private async Task<int> RequestsDuringAsync(Func<Task<HttpResponseMessage>> turn)
    {
        await host.AfterResponsesAsync();
        var before = host.Counter.Count;
        var response = await turn();
        response.EnsureSuccessStatusCode();
        return host.Counter.Count - before;
    }
}
