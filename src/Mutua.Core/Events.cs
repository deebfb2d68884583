using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core;

/// <summary>
/// One feature's reaction to something another feature did (the events are in CoreEvents.cs). It works on the
/// same scoped <see cref="MutuaDbContext"/> as the write that published the event, before that write is
/// saved: what it changes on tracked entities is saved with the write, in the same transaction, and an
/// exception from it fails the write. A reaction that runs bulk statements (ExecuteUpdate/ExecuteDelete)
/// does so only for events published inside an open transaction (their documentation says so).
/// A reaction never saves: a save from inside a save would wait behind itself in SQLite's group commit.
/// </summary>
public interface IReactTo<in TEvent> where TEvent : notnull
{
    Task ReactAsync(TEvent happened, CancellationToken ct);
}

/// <summary>
/// Publishes an event to every reaction registered for it, one after another in the order the features
/// registered them, in the caller's scope. A write lists its reactions in one place: the features'
/// registrations (each feature's <c>Add…</c> in its own folder), not the write's code.
/// </summary>
public sealed class Events(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent happened, CancellationToken ct = default) where TEvent : notnull
    {
        foreach (var reaction in services.GetServices<IReactTo<TEvent>>()) await reaction.ReactAsync(happened, ct);
    }
}

public static class EventRegistration
{
    /// <summary>Registers a feature's reaction; it is resolved in the publisher's scope, so it shares its context.</summary>
    public static IServiceCollection AddReaction<TEvent, TReaction>(this IServiceCollection services)
        where TEvent : notnull where TReaction : class, IReactTo<TEvent> =>
        services.AddScoped<IReactTo<TEvent>, TReaction>();
}
