// Made-up features for the architecture checker's own test: each uses the next only inside a method body.
namespace Mutua.Core.Tests.Architecture.FixtureFeatures.Alpha;

internal static class UsesBetaInside
{
    public static object Make() => new Beta.Thing();
}
