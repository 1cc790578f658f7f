using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

/// <summary>One Azurite for the storage test classes that do not stop it; each class uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
