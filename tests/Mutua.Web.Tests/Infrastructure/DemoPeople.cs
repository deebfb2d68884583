using Microsoft.EntityFrameworkCore;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// The demo seed (src/Mutua.Web/Demo) as test fixtures. In Dudley Neighbors Together the households
/// are dealt round its three groups: "Denise &amp; Marcus" (Denise coordinates) and "Jamal &amp; Rosa" are
/// in Warren Street Circle, "Keisha" in Dudley Parents, "Andre &amp; Tanya" in Blue Hill Savers.
/// </summary>
public sealed record DemoPeople(
    Guid Dudley, Guid Arvin,
    Guid WarrenStreetCircle, Guid DudleyParents, Guid BlueHillSavers, Guid GrupoEsperanza,
    Guid JamalHousehold, Guid KeishaHousehold, Guid RosarioHousehold,
    Guid Admin, Guid Denise, Guid Jamal, Guid Keisha, Guid Andre, Guid Sponsor, Guid Rosario, Guid Esperanza)
{
    /// <summary>"Tool library in the basement": Jamal &amp; Rosa's project, published to Dudley only, no pledges in the demo.</summary>
    public Guid ToolLibrary { get; init; }
    public Guid ToolLibraryMoney { get; init; }
    public string ToolLibrarySlug { get; init; } = "";
    /// <summary>"Warren Street food cart": Jamal &amp; Rosa's public project, no pledges in the demo.</summary>
    public Guid FoodCart { get; init; }
    public Guid FoodCartMoney { get; init; }
    /// <summary>"Warren Street Savings Circle": Jamal's savings group (he is its secretary), Keisha a member; not Denise.</summary>
    public Guid WarrenStreetSavings { get; init; }

    public const string AdminLogin = "admin@mutua.example";
    public const string DeniseLogin = "denise@dudley.example";
    public const string JamalLogin = "jamal@dudley.example";
    public const string KeishaLogin = "keisha@dudley.example";
    public const string AndreLogin = "andre@dudley.example";
    public const string SponsorLogin = "sponsor@dudley.example";
    public const string RosarioLogin = "rosario@arvin.example";
    public const string EsperanzaLogin = "esperanza@arvin.example";

    public static async Task<DemoPeople> LoadAsync(MutuaFactory app) => await app.WithDbAsync(async db =>
    {
        async Task<Guid> Community(string name) => await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
        async Task<Guid> Group(string name) => await db.Groups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
        async Task<Guid> Person(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        async Task<Guid> HouseholdOf(Guid person) =>
            await db.HouseholdMembers.Where(m => m.PersonId == person).Select(m => m.HouseholdId).SingleAsync();

        var jamal = await Person(JamalLogin);
        var keisha = await Person(KeishaLogin);
        var rosario = await Person(RosarioLogin);
        async Task<(Guid, Guid)> Project(string title)
        {
            var id = await db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync();
            return (id, await db.Needs.Where(n => n.ProjectId == id && n.Kind == Mutua.Core.Projects.NeedKind.Money).Select(n => n.Id).SingleAsync());
        }
        var (toolLibrary, toolLibraryMoney) = await Project("Tool library in the basement");
        var (foodCart, foodCartMoney) = await Project("Warren Street food cart");
        return new DemoPeople(
            await Community("Dudley Neighbors Together"), await Community("Arvin Unidos"),
            await Group("Warren Street Circle"), await Group("Dudley Parents"), await Group("Blue Hill Savers"), await Group("Grupo Esperanza"),
            await HouseholdOf(jamal), await HouseholdOf(keisha), await HouseholdOf(rosario),
            await Person(AdminLogin), await Person(DeniseLogin), jamal, keisha, await Person(AndreLogin), await Person(SponsorLogin),
            rosario, await Person(EsperanzaLogin))
        {
            ToolLibrary = toolLibrary, ToolLibraryMoney = toolLibraryMoney,
            ToolLibrarySlug = await db.Projects.Where(p => p.Id == toolLibrary).Select(p => p.Slug).SingleAsync(), FoodCart = foodCart, FoodCartMoney = foodCartMoney,
            WarrenStreetSavings = await db.SavingsGroups.Where(g => g.Name == "Warren Street Savings Circle").Select(g => g.Id).SingleAsync(),
        };
    });
}
