namespace Mutua.Core.Tests.Architecture.FixtureFeatures.Beta;

internal sealed class Thing
{
    public static int Count(IEnumerable<object> items) => items.Count(i => i is Gamma.Other);
}
