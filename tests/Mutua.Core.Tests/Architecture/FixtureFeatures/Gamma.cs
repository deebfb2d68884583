namespace Mutua.Core.Tests.Architecture.FixtureFeatures.Gamma;

internal sealed class Other;
