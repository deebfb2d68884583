namespace Mutua.Core.Tests.Support;

/// <summary>Gives every test its own <see cref="TestHost"/> (xUnit makes one class instance per test).</summary>
public abstract class HostTests : IAsyncLifetime
{
    private TestHost? host;

    protected TestHost Host => host ?? throw new InvalidOperationException("not started");

    public virtual async ValueTask InitializeAsync() => host = await StartHostAsync();

    protected virtual Task<TestHost> StartHostAsync() => TestHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
