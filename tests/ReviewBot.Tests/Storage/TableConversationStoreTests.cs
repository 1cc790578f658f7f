using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class TableConversationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ChannelThread = "19:abc123def456@thread.tacv2;messageid=1795465642642";
    private const string PersonalChat = "a:1Xyz7bM2kQ-Pz_v9u0R3nT8sW4yHcE6dLfGjKo1Ai5Bq";
    private const string UserObjectId = "00000000-0000-0000-0000-0000000000020";
    private StorageTestBed bed = null!;
    private TableConversationStore store = null!;

    public async Task InitializeAsync()
    {
        bed = await StorageTestBed.CreateAsync(azurite, "conversations");
        store = new TableConversationStore(bed.Tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(ChannelThread)]
    [InlineData(PersonalChat)]
    [InlineData("19:meeting_Zjk3@thread.v2")]
    [InlineData("odd/id#with?forbidden\\chars|and%percent\u0001")]
    public async Task A_turn_loads_in_one_request_and_saves_in_at_most_one(string conversationId)
    {
        var address = Address(conversationId);
        var dialog = new DialogState("referral", "{\"step\":\"child\",\"name\":\"Gwenllian Łukasz 👶\"}", bed.Time.GetUtcNow());

        var first = await Counted(() => store.LoadAsync(conversationId, UserObjectId, default), expectedRequests: 1);
        Assert.Null(first.Address);
        Assert.Null(first.Dialog);
        await Counted(() => store.SaveAsync(first, address, dialog, default), expectedRequests: 1);

        var second = await Counted(() => store.LoadAsync(conversationId, UserObjectId, default), expectedRequests: 1);
        Assert.Equal(address, second.Address);
        Assert.Equal(dialog, second.Dialog);
        Assert.Equal(conversationId, second.ConversationId);

        await Counted(() => store.SaveAsync(second, address, dialog, default), expectedRequests: 0);
        var next = dialog with { Json = "{\"step\":\"agencies\"}", UpdatedAt = dialog.UpdatedAt.AddMinutes(1) };
        await Counted(() => store.SaveAsync(second, address with { ServiceUrl = "https://smba.trafficmanager.net/uk/" }, next, default), expectedRequests: 1);

        var third = await store.LoadAsync(conversationId, UserObjectId, default);
        Assert.Equal(next, third.Dialog);
        Assert.Equal("https://smba.trafficmanager.net/uk/", third.Address?.ServiceUrl);
        await Counted(() => store.SaveAsync(third, third.Address!, null, default), expectedRequests: 1);
        Assert.Null((await store.LoadAsync(conversationId, UserObjectId, default)).Dialog);
    }

    [Fact]
    public async Task Each_user_has_their_own_dialog_in_a_shared_conversation()
    {
        var address = Address(ChannelThread);
        var alex = await store.LoadAsync(ChannelThread, UserObjectId, default);
        await store.SaveAsync(alex, address, new DialogState("referral", "{\"who\":\"alex\"}", bed.Time.GetUtcNow()), default);
        var megan = await store.LoadAsync(ChannelThread, "29:1megan-teams-id", default);

        Assert.Equal(address, megan.Address);
        Assert.Null(megan.Dialog);
        await store.SaveAsync(megan, address, new DialogState("recommendation", "{\"who\":\"megan\"}", bed.Time.GetUtcNow()), default);
        Assert.Equal("{\"who\":\"alex\"}", (await store.LoadAsync(ChannelThread, UserObjectId, default)).Dialog?.Json);
    }

    [Fact]
    public async Task Two_racing_turns_of_one_user_conflict_and_the_later_writes_nothing()
    {
        var address = Address(PersonalChat);
        var seed = await store.LoadAsync(PersonalChat, UserObjectId, default);
        await store.SaveAsync(seed, address, new DialogState("referral", "{\"n\":0}", bed.Time.GetUtcNow()), default);
        var turnA = await store.LoadAsync(PersonalChat, UserObjectId, default);
        var turnB = await store.LoadAsync(PersonalChat, UserObjectId, default);

        await store.SaveAsync(turnA, address, turnA.Dialog! with { Json = "{\"n\":1}" }, default);
        await Assert.ThrowsAsync<ConversationConflictException>(() => store.SaveAsync(turnB, address with { BotId = "28:changed" }, turnB.Dialog! with { Json = "{\"n\":2}" }, default));

        var now = await store.LoadAsync(PersonalChat, UserObjectId, default);
        Assert.Equal("{\"n\":1}", now.Dialog?.Json);
        Assert.Equal(address, now.Address);

        var fresh = await store.LoadAsync("a:brand-new", UserObjectId, default);
        await store.SaveAsync(fresh, Address("a:brand-new"), null, default);
        await Assert.ThrowsAsync<ConversationConflictException>(() => store.SaveAsync(fresh, Address("a:brand-new") with { BotId = "28:other" }, null, default));
    }

    [Fact]
    public async Task A_long_draft_round_trips()
    {
        var json = "{\"summary\":\"" + string.Concat(Enumerable.Repeat("Dywedodd y fam — powiedziała matka 👶🏽; ", 4_000)) + "\"}";
        var loaded = await store.LoadAsync(PersonalChat, UserObjectId, default);

        await store.SaveAsync(loaded, Address(PersonalChat), new DialogState("referral", json, bed.Time.GetUtcNow()), default);

        Assert.Equal(json, (await store.LoadAsync(PersonalChat, UserObjectId, default)).Dialog?.Json);
        var tooLong = new DialogState("referral", new string('x', 240_001), bed.Time.GetUtcNow());
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(loaded, Address(PersonalChat), tooLong, default));
    }

    [Fact]
    public async Task Stale_dialogs_are_listed_and_are_only_reminded_or_deleted_if_untouched_since()
    {
        var start = bed.Time.GetUtcNow();
        foreach (var (conversation, updatedAt) in new[] { (ChannelThread, start.AddDays(-20)), (PersonalChat, start.AddDays(-15)), ("a:recent", start.AddDays(-1)) })
        {
            var loaded = await store.LoadAsync(conversation, UserObjectId, default);
            await store.SaveAsync(loaded, Address(conversation), new DialogState("referral", "{}", updatedAt), default);
        }

        var stale = await store.ListDialogsUpdatedBeforeAsync(start.AddDays(-14), default).ToListAsync();

        Assert.Equal([ChannelThread, PersonalChat], stale.Select(s => s.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(stale, s => Assert.Equal(UserObjectId, s.UserKey));
        var channel = stale.Single(s => s.ConversationId == ChannelThread);
        var personal = stale.Single(s => s.ConversationId == PersonalChat);
        Assert.True(await store.TryMarkRemindedAsync(channel, start, default));
        Assert.False(await store.TryDeleteDialogAsync(channel, default)); // changed since listed (the reminder)
        Assert.Equal(start, (await store.LoadAsync(ChannelThread, UserObjectId, default)).Dialog?.RemindedAt);

        var resumed = await store.LoadAsync(PersonalChat, UserObjectId, default);
        await store.SaveAsync(resumed, resumed.Address!, resumed.Dialog! with { UpdatedAt = start }, default);
        Assert.False(await store.TryDeleteDialogAsync(personal, default)); // the user came back
        Assert.False(await store.TryMarkRemindedAsync(personal, start, default));

        var again = (await store.ListDialogsUpdatedBeforeAsync(start.AddDays(-14), default).ToListAsync()).Single();
        Assert.True(await store.TryDeleteDialogAsync(again, default));
        Assert.Null((await store.LoadAsync(ChannelThread, UserObjectId, default)).Dialog);
        Assert.False(await store.TryDeleteDialogAsync(again, default));
    }

    [Fact]
    public async Task A_persons_1to1_chat_address_is_found_by_object_id()
    {
        var address = Address(PersonalChat) with { UserId = "29:1alex", UserObjectId = UserObjectId };
        Assert.Null(await store.FindPersonalAsync(UserObjectId, default));

        await store.SavePersonalAsync(UserObjectId, address, default);
        await store.SavePersonalAsync("00000000-0000-0000-0000-0000000000021", Address("a:megan"), default);

        Assert.Equal(address, await store.FindPersonalAsync(UserObjectId, default));
        Assert.Equal(address, await store.FindPersonalAsync(UserObjectId.ToUpperInvariant(), default));
    }

    private static ConversationAddress Address(string conversationId)
        => new("https://smba.trafficmanager.net/emea/", "msteams", conversationId, "personal", "00000000-0000-0000-0000-0000000000001", "28:bot-id", null, null);

    private async Task<T> Counted<T>(Func<Task<T>> action, int expectedRequests)
    {
        var before = bed.Requests.Count;
        var result = await action();
        Assert.Equal(expectedRequests, bed.Requests.Count - before);
        return result;
    }

    private Task<bool> Counted(Func<Task> action, int expectedRequests) => Counted(async () =>
    {
        await action();
        return true;
    }, expectedRequests);
}
