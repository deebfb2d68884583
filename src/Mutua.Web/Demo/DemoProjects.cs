using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using SkiaSharp;

namespace Mutua.Web.Demo;

/// <summary>
/// Projects in every demo community, in its own language: some verified by the community's sponsor,
/// some with pledges (confirmed ones carry a reference), one idea that spread from Nyamagabe to
/// Jinja, Arvin and Oakland, and share-link visits for each community's ambassador.
/// "Jamal &amp; Rosa" in Dudley keep two projects without pledges, which the access tests act on.
/// </summary>
internal static class DemoProjects
{
    private sealed record Plan(string Community, string Owner, string Title, string Story, ProjectCategory Category, ProjectStatus Status,
        bool Public, bool Verified, (NeedKind Kind, string What, long Target)[] Needs, string? InspiredBy = null, bool Group = false,
        int Supporters = 0, SKColor? Colour = null);

    private static readonly Plan[] Plans =
    [
        new("Twisungane Nyamagabe", "Vestine", "Ubworozi bw'inkoko z'amagi",
            "Turashaka korora inkoko 50 z'amagi, tukagurisha amagi ku isoko rya Kitabi no ku ishuri ribanza. Inyungu izadufasha kwishyura amafaranga y'ishuri y'abana.",
            ProjectCategory.Agriculture, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "Imishwi n'ibiryo byazo", 400_000), (NeedKind.Skills, "Gukingira inkoko", 6), (NeedKind.Materials, "Amabati y'ikiraro", 12)],
            Supporters: 4, Colour: new SKColor(0xC8, 0x8A, 0x2E)),
        new("Twisungane Nyamagabe", "Clémentine", "Ubudozi: imashini idoda ya kabiri",
            "Ndadoda imyenda y'ishuri n'iy'ubukwe. Imashini ya kabiri yamfasha guha akazi umukobwa w'umuturanyi no kurangiza komande vuba.",
            ProjectCategory.SmallBusiness, ProjectStatus.Published, true, false,
            [(NeedKind.Money, "Imashini idoda", 180_000), (NeedKind.Time, "Kwigisha umunyeshuri", 20)], Supporters: 2, Colour: new SKColor(0x7A, 0x3E, 0x9D)),
        new("Twisungane Nyamagabe", "Eric", "Ikigega cy'amazi y'imvura",
            "Itsinda ryacu rirashaka ikigega cy'amazi y'imvura gihuriweho n'ingo esheshatu, kugira ngo abana badakora urugendo rurerure bajya kuvoma.",
            ProjectCategory.CommunityProject, ProjectStatus.Published, false, true,
            [(NeedKind.Money, "Ikigega cya litiro 5000", 650_000), (NeedKind.Time, "Gucukura no kubaka", 40), (NeedKind.Materials, "Sima (imifuka)", 15)],
            Group: true, Supporters: 5, Colour: new SKColor(0x2A, 0x7F, 0xB8)),

        new("Walukuba Tusitukire", "Grace", "Kuku wa mayai — Masese Women Savers",
            "Tulijifunza kutoka kwa familia za Nyamagabe, Rwanda: kuku 40 wa mayai, tunauza mayai sokoni Masese. Faida inaingia kwenye akiba ya kikundi.",
            ProjectCategory.Agriculture, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "Vifaranga na chakula", 1_500_000), (NeedKind.Materials, "Mbao za banda", 30)],
            InspiredBy: "Ubworozi bw'inkoko z'amagi", Group: true, Supporters: 3, Colour: new SKColor(0xD9, 0x9A, 0x3D)),
        new("Walukuba Tusitukire", "Ronald", "Walukuba youth bicycle repair stand",
            "Young people in Walukuba repair bicycles and boda-bodas by the roadside. A covered stand and a good set of tools would let three of us work every day.",
            ProjectCategory.SmallBusiness, ProjectStatus.Published, true, false,
            [(NeedKind.Money, "Tools and a covered stand", 900_000), (NeedKind.Skills, "Bookkeeping", 8)], Supporters: 1, Colour: new SKColor(0x3D, 0x8B, 0x5A)),

        new("Arvin Unidos", "Esperanza", "Gallinas ponedoras para la familia",
            "Vimos cómo las familias de Jinja y Nyamagabe crían gallinas. Queremos 25 gallinas para tener huevos en casa y vender el resto en el mercado de Arvin.",
            ProjectCategory.Agriculture, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "Gallinas y gallinero", 90_000), (NeedKind.Skills, "Cuidado de aves", 4)],
            InspiredBy: "Kuku wa mayai — Masese Women Savers", Supporters: 3, Colour: new SKColor(0xB8, 0x6B, 0x2A)),
        new("Arvin Unidos", "Rosario", "Huerto comunitario Campesinas Unidas",
            "Un terreno junto a la escuela, prestado por la iglesia. Sembraremos verduras para las familias del grupo y enseñaremos a los niños.",
            ProjectCategory.CommunityProject, ProjectStatus.Published, false, false,
            [(NeedKind.Time, "Preparar la tierra", 30), (NeedKind.Materials, "Mangueras de riego", 6)], Supporters: 2, Colour: new SKColor(0x4F, 0x9A, 0x3A)),

        new("Fruitvale Families", "Guadalupe", "Backyard hens for Fruitvale families",
            "Inspired by Arvin Unidos: six families will share a coop on 34th Avenue, with eggs for each household and a rota for the care.",
            ProjectCategory.Agriculture, ProjectStatus.Published, true, false,
            [(NeedKind.Money, "Coop and first hens", 120_000), (NeedKind.Time, "Building the coop", 16)],
            InspiredBy: "Gallinas ponedoras para la familia", Supporters: 2, Colour: new SKColor(0xC0, 0x5A, 0x3A)),
        new("Fruitvale Families", "Minh", "Phở pop-up at the Fruitvale market",
            "We cook for our neighbours every Sunday. A permit, a second burner and a canopy would let us run a stall at the farmers market.",
            ProjectCategory.SmallBusiness, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "Permit, burner and canopy", 250_000), (NeedKind.Skills, "Food safety course", 6)], Supporters: 4, Colour: new SKColor(0x9A, 0x2E, 0x2E)),

        new("Dudley Neighbors Together", "Jamal", "Tool library in the basement",
            "Our basement has room for shelves of shared tools: ladders, drills, a pressure washer. Neighbours borrow them instead of each buying one.",
            ProjectCategory.CommunityProject, ProjectStatus.Published, false, false,
            [(NeedKind.Money, "Shelving and first tools", 80_000), (NeedKind.Materials, "Donated tools", 25)], Colour: new SKColor(0x5A, 0x5A, 0x6E)),
        new("Dudley Neighbors Together", "Jamal", "Warren Street food cart",
            "Rosa's jerk chicken is famous on Warren Street. A licensed cart would turn Saturday cookouts into a small family business.",
            ProjectCategory.SmallBusiness, ProjectStatus.Published, true, false,
            [(NeedKind.Money, "Cart and licence", 450_000), (NeedKind.Skills, "Business plan help", 5)], Colour: new SKColor(0xB0, 0x3A, 0x2E)),
        new("Dudley Neighbors Together", "Keisha", "After-school homework club",
            "Twice a week in the community room: homework help, a snack and a quiet table. Parents take turns; we need volunteers who like maths.",
            ProjectCategory.Education, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "Snacks and supplies for a year", 60_000), (NeedKind.Time, "Tutoring", 80), (NeedKind.Materials, "Laptops", 4)],
            Supporters: 5, Colour: new SKColor(0x2E, 0x6E, 0x9A)),
        new("Dudley Neighbors Together", "Andre", "Braiding studio on Blue Hill Ave",
            "Tanya braids hair at home on weekends. A chair in a shared storefront would let her take bookings all week.",
            ProjectCategory.SmallBusiness, ProjectStatus.Published, true, true,
            [(NeedKind.Money, "First three months of chair rent", 180_000)], Supporters: 6, Colour: new SKColor(0x8E, 0x4E, 0x8E)),
        new("Dudley Neighbors Together", "Fatima", "Sambusa catering for events",
            "A draft: we are still working out the costs.",
            ProjectCategory.SmallBusiness, ProjectStatus.Draft, false, false,
            [(NeedKind.Money, "Commercial kitchen hours", 50_000)], Colour: new SKColor(0xC8, 0x7A, 0x2E)),
    ];

    private static readonly string[] References = ["MoMo 0788-514-220", "Zelle 4471", "M-Pesa QK7H2LX9", "Airtel 88120", "Transfer 2026-311"];

    public static async Task SeedAsync(MutuaDbContext db, DateTimeOffset now)
    {
        if (await db.Projects.AnyAsync()) return;
        var random = new Random(20261130);
        var made = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var (plan, index) in Plans.Select((p, i) => (p, i)))
        {
            var community = await db.Communities.SingleAsync(c => c.Name == plan.Community);
            var owner = await db.HouseholdMembers.Where(m => m.Household!.CommunityId == community.Id && m.Person!.FirstName == plan.Owner)
                .Select(m => new { m.PersonId, m.HouseholdId, m.Household!.GroupId }).FirstAsync();
            var created = now.AddDays(-90 + index * 5);
            var project = new Project
            {
                Slug = Slug(plan.Title, index), CommunityId = community.Id, CreatedById = owner.PersonId,
                HouseholdId = plan.Group ? null : owner.HouseholdId, GroupId = plan.Group ? owner.GroupId : null,
                Title = plan.Title, Story = plan.Story, Category = plan.Category, Status = plan.Status, IsPublic = plan.Public,
                CreatedAt = created, UpdatedAt = created, PublishedAt = plan.Status == ProjectStatus.Draft ? null : created.AddDays(1),
            };
            db.Projects.Add(project);
            made[plan.Title] = project;
            var needs = plan.Needs.Select((n, i) => new Need { ProjectId = project.Id, Kind = n.Kind, Description = n.What, Target = n.Target, Order = i }).ToList();
            db.Needs.AddRange(needs);
            var photo = PhotoProcessor.Process(Picture(plan.Colour ?? SKColors.SeaGreen, index));
            if (photo.Succeeded)
            {
                db.ProjectPhotos.Add(new ProjectPhoto
                {
                    ProjectId = project.Id, Large = photo.Value!.Large, Thumbnail = photo.Value.Thumbnail, Width = photo.Value.Width,
                    Height = photo.Value.Height, CreatedAt = created,
                });
            }
            if (plan.InspiredBy is { } source)
            {
                db.ProjectInspirations.Add(new ProjectInspiration { ProjectId = project.Id, InspiredById = made[source].Id, CreatedAt = created });
            }
            // How supporters send their support, as families there would say it (only supporters with a pledge see it).
            project.HowToSend = community.Country switch
            {
                "RW" => "MTN Mobile Money: 0788 000 111 (izina: umuryango). Cyangwa muyizane mu nama y'itsinda ku wa gatandatu.",
                "UG" => "MTN Mobile Money: 0770 000 111. Or bring it to the group meeting on Saturday.",
                _ when community.DefaultLanguage == "es" => "Zelle o Cash App: escríbanos y le damos el usuario. O tráigalo a la reunión del grupo el jueves.",
                _ => "Zelle or Cash App: message us for the handle. Or bring it to the group meeting on Thursday.",
            };
            if (plan.Verified)
            {
                var sponsor = await db.CommunityRoles.Where(r => r.CommunityId == community.Id && r.Role == Role.Sponsor)
                    .OrderBy(r => r.GrantedAt).Select(r => r.PersonId).FirstAsync();
                project.VerifiedById = sponsor;
                project.VerifiedAt = created.AddDays(8);
                project.VerificationNote = community.DefaultLanguage switch
                {
                    "rw" => "Twasuye umuryango n'aho umushinga uzakorerwa.",
                    "es" => "Visitamos a la familia y el lugar del proyecto.",
                    _ => "We visited the family and the site.",
                };
            }
            if (plan.Supporters > 0)
            {
                await AddPledgesAsync(db, project, needs, community.Id, owner.HouseholdId, plan.Supporters, random);
            }
            if (plan.Status != ProjectStatus.Draft)
            {
                db.ProjectUpdates.Add(new ProjectUpdate
                {
                    ProjectId = project.Id, AuthorId = owner.PersonId, CreatedAt = created.AddDays(20),
                    Text = community.DefaultLanguage switch
                    {
                        "rw" => "Murakoze! Twatangiye imirimo, tuzabamenyesha uko bigenda.",
                        "es" => "¡Gracias! Ya empezamos; les contaremos cómo va.",
                        _ when plan.Community.StartsWith("Walukuba", StringComparison.Ordinal) => "Asanteni! Tumeanza kazi, tutawajulisha maendeleo.",
                        _ => "Thank you! We have started and will post how it goes.",
                    },
                });
            }
        }

        // Each community's ambassador brought visitors to its public projects.
        foreach (var project in made.Values.Where(p => p.IsPublic && p.Status == ProjectStatus.Published))
        {
            var ambassador = await db.CommunityRoles.Where(r => r.CommunityId == project.CommunityId && r.Role == Role.Ambassador)
                .Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync();
            if (ambassador is null || project.HouseholdId is { } h && await db.HouseholdMembers.AnyAsync(m => m.HouseholdId == h && m.PersonId == ambassador)) continue;
            if (!await db.AmbassadorCodes.AnyAsync(a => a.PersonId == ambassador) && !db.AmbassadorCodes.Local.Any(a => a.PersonId == ambassador))
            {
                db.AmbassadorCodes.Add(new AmbassadorCode
                {
                    PersonId = ambassador.Value, CreatedAt = now.AddDays(-60),
                    Code = System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", AmbassadorCode.Length),
                });
            }
            for (var i = 0; i < 3 + random.Next(0, 12); i++)
            {
                db.ShareEvents.Add(new ShareEvent { AmbassadorId = ambassador.Value, ProjectId = project.Id, Kind = ShareEventKind.Visit, At = now.AddDays(-random.Next(1, 60)) });
            }
            if (random.NextDouble() < 0.5)
                db.ShareEvents.Add(new ShareEvent { AmbassadorId = ambassador.Value, ProjectId = project.Id, Kind = ShareEventKind.SignUp, At = now.AddDays(-random.Next(1, 30)) });
        }
        await db.SaveChangesAsync();
        foreach (var project in made.Values) await RecomputeAsync(db, project.Id);
    }

    private static async Task AddPledgesAsync(MutuaDbContext db, Project project, List<Need> needs, Guid communityId, Guid ownerHousehold,
        int supporters, Random random)
    {
        var people = await db.HouseholdMembers.Where(m => m.Household!.CommunityId == communityId && m.HouseholdId != ownerHousehold)
            .OrderBy(m => m.JoinedAt).Select(m => m.PersonId).Take(supporters * 2).ToListAsync();
        for (var i = 0; i < Math.Min(supporters, people.Count); i++)
        {
            var need = needs[i % needs.Count];
            var amount = need.Kind == NeedKind.Money ? RoundTo(need.Target * (0.12 + random.NextDouble() * 0.2), need.Target >= 100_000 ? 1000 : 100) : Math.Max(1, need.Target / 4);
            var confirmed = i % 3 != 2;
            db.Pledges.Add(new Pledge
            {
                ProjectId = project.Id, NeedId = need.Id, PersonId = people[i * 2 % people.Count], Amount = amount,
                Status = confirmed ? PledgeStatus.Confirmed : PledgeStatus.Pledged, CreatedAt = project.CreatedAt.AddDays(3 + i),
                ConfirmedAt = confirmed ? project.CreatedAt.AddDays(6 + i) : null, ConfirmedById = confirmed ? project.CreatedById : null,
                Reference = confirmed && need.Kind == NeedKind.Money ? References[random.Next(References.Length)] : null,
            });
        }
    }

    private static long RoundTo(double value, long step) => Math.Max(step, (long)Math.Round(value / step) * step);

    private static async Task RecomputeAsync(MutuaDbContext db, Guid projectId)
    {
        var needs = await db.Needs.Where(n => n.ProjectId == projectId).ToListAsync();
        var pledges = await db.Pledges.Where(p => p.ProjectId == projectId && p.Status != PledgeStatus.Withdrawn).ToListAsync();
        var progress = needs.Count == 0 ? 0 : needs.Sum(n => (int)Math.Min(1000,
            pledges.Where(p => p.NeedId == n.Id && p.Status == PledgeStatus.Confirmed).Sum(p => p.Amount) * 1000 / n.Target)) / needs.Count;
        var supporters = pledges.Select(p => p.PersonId).Distinct().Count();
        await db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RankProgress, progress).SetProperty(p => p.RankSupporters, supporters));
    }

    private static string Slug(string title, int index)
    {
        var folded = ProjectText.Fold(title);
        var words = new string(folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', words.Take(5)) + "-d" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A simple picture (sky, field, sun) in the project's colour: the demo has no real photos.</summary>
    private static byte[] Picture(SKColor colour, int seed)
    {
        using var bitmap = new SKBitmap(640, 420);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE6, 0xF0, 0xF2));
            using var field = new SKPaint { Color = colour, IsAntialias = true };
            canvas.DrawRect(0, 260, 640, 160, field);
            using var sun = new SKPaint { Color = new SKColor(0xF2, 0xC1, 0x4E), IsAntialias = true };
            canvas.DrawCircle(120 + seed * 37 % 400, 110, 48, sun);
            using var hill = new SKPaint { Color = colour.WithAlpha(150), IsAntialias = true };
            canvas.DrawCircle(460 - seed * 23 % 300, 300, 140, hill);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
