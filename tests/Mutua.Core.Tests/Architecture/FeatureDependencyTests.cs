namespace Mutua.Core.Tests.Architecture;

/// <summary>
/// Which feature of Core may use which (DESIGN §2): an allow-list, checked against what Core's IL uses.
/// A feature that needs another not on its list either asks through an interface it owns (as Accounts asks
/// for <see cref="Accounts.IPhoneRegions"/>), or reacts to an event in the kernel (CoreEvents.cs);
/// adding the use to the list is the third way, and it fails here when it closes a cycle.
/// </summary>
public sealed class FeatureDependencyTests
{
    /// <summary>Each feature, and the features it may use. The kernel (Core's root namespace) is open to all.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        // Every feature records into the audit log; Auditing itself uses none.
        ["Auditing"] = [],
        ["Accounts"] = ["Auditing"],
        ["Communities"] = ["Accounts", "Auditing"],
        ["CheckIns"] = ["Communities", "Accounts", "Auditing"],
        ["Insights"] = ["CheckIns", "Communities"],
        ["Network"] = ["Insights", "CheckIns", "Communities", "Accounts"],
        ["Projects"] = ["Communities", "Accounts", "Auditing"],
        // Savings groups read who is in a community (households, first names), and which projects are a borrower's; they write only their own books.
        ["Savings"] = ["Communities", "Accounts", "Auditing", "Projects"],
        // A household's download reads every feature's rows about it.
        ["PersonalData"] = ["Savings", "Network", "Projects", "CheckIns", "Communities", "Accounts", "Auditing"],
    };

    /// <summary>Root types that wire every feature together, so are no kernel.</summary>
    private static readonly HashSet<string> CompositionRoot = [typeof(MutuaDbContext).FullName!, typeof(CoreServices).FullName!];

    private static readonly Lazy<IReadOnlyList<FeatureGraph.Use>> CoreUses = new(() =>
        FeatureGraph.Read(typeof(MutuaDbContext).Assembly.Location, "Mutua.Core", CompositionRoot));

    [Fact]
    public void Features_use_only_the_features_on_their_list()
    {
        var violations = FeatureGraph.Violations(CoreUses.Value.Where(u => u.From != FeatureGraph.Kernel), MayUse);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_kernel_uses_no_feature()
    {
        var uses = CoreUses.Value.Where(u => u.From == FeatureGraph.Kernel).Select(u => u.Example).ToList();
        Assert.True(uses.Count == 0, string.Join("\n", uses));
    }

    [Fact]
    public void The_allow_list_has_no_cycle()
    {
        var cycle = FeatureGraph.Cycle(MayUse);
        Assert.True(cycle is null, $"the allow-list has a cycle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void Every_feature_of_Core_is_on_the_list()
    {
        var features = typeof(MutuaDbContext).Assembly.GetTypes()
            .Select(t => FeatureGraph.FeatureOf(t.Namespace ?? "", "Mutua.Core"))
            .OfType<string>().Where(f => f != FeatureGraph.Kernel).ToHashSet();
        Assert.Empty(features.Except(MayUse.Keys).Order());
        Assert.All(MayUse.Values.SelectMany(v => v), f => Assert.Contains(f, MayUse.Keys));
    }

    // ---- the checker itself, on graphs made by hand: it can fail

    [Fact]
    public void The_cycle_check_finds_a_cycle_made_by_hand()
    {
        var graph = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal(["A", "B", "C", "A"], FeatureGraph.Cycle(graph));
        Assert.Equal(["A", "A"], FeatureGraph.Cycle(new Dictionary<string, string[]> { ["A"] = ["A"] }));
        Assert.Null(FeatureGraph.Cycle(new Dictionary<string, string[]> { ["A"] = ["B", "C"], ["B"] = ["C"], ["C"] = [] }));
    }

    [Fact]
    public void A_use_off_the_list_is_reported_and_the_kernel_is_always_allowed()
    {
        FeatureGraph.Use[] uses = [new("A", "B", "a→b"), new("A", "C", "a→c"), new("A", FeatureGraph.Kernel, "a→kernel"), new("B", "A", "b→a")];
        var allowed = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = [] };
        Assert.Equal(["A uses C, which is not on its list (a→c)", "B uses A, which is not on its list (b→a)"],
            FeatureGraph.Violations(uses, allowed));
    }

    [Fact]
    public void A_use_only_inside_a_method_body_is_seen()
    {
        // The fixture below: Alpha names Beta only inside a method body, Beta names Gamma only in a lambda's body.
        var uses = FeatureGraph.Read(typeof(FeatureDependencyTests).Assembly.Location, Fixture.Root, new HashSet<string>());
        Assert.Contains(uses, u => u is { From: "Alpha", To: "Beta" });
        Assert.Contains(uses, u => u is { From: "Beta", To: "Gamma" });
        Assert.DoesNotContain(uses, u => u.From == "Gamma");
    }
}

/// <summary>A hand-made assembly graph for <see cref="FeatureDependencyTests.A_use_only_inside_a_method_body_is_seen"/>.</summary>
internal static class Fixture
{
    public const string Root = "Mutua.Core.Tests.Architecture.FixtureFeatures";
}
