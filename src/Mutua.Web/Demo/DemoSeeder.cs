using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;

namespace Mutua.Web.Demo;

/// <summary>
/// Fills an empty database with five communities, their groups, households and people, so a person
/// can try Mutua at once. Only in demo mode; every demo account shares <see cref="Password"/>.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "mutua-demo-2026";
    public const string AdminLogin = "admin@mutua.example";

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (!await db.Communities.AnyAsync())
        {
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Person>>();
            await SeedCommunitiesAsync(db, hasher, clock.GetUtcNow());
        }
        await DemoProjects.SeedAsync(db, clock.GetUtcNow());
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await DemoSavings.SeedAsync(services, scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Mutua:Demo:SavingsYear", true));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (logger.IsEnabled(LogLevel.Information)) logger.LogInformation("Demo savings groups seeded in {Seconds:0.0} s.", elapsed);
        logger.LogWarning("Demo mode: every demo account's password is '{Password}'. Try {Admin} (admin), " +
            "denise@dudley.example (coordinator, Boston), keisha@dudley.example (member, Boston), " +
            "esperanza@arvin.example (coordinator, Arvin), +250780000101 (coordinator, Rwanda), sponsor@dudley.example (sponsor). " +
            "Invitation codes: BST4-NEWS (Boston), ARVN-HGAR (Arvin), RWDA-MUGE (Rwanda). " +
            "Projects: +250780000099 (Agnès, sponsor, Rwanda) verifies, +250780000108 (Innocent, ambassador, Rwanda) shares, " +
            "fatima@dudley.example (ambassador, Boston). " +
            "Savings groups: +250780000101 (secretary, Rwanda), jamal@dudley.example (secretary, Boston), keisha@dudley.example (member).", Password, AdminLogin);
    }

    private static async Task SeedCommunitiesAsync(MutuaDbContext db, IPasswordHasher<Person> hasher, DateTimeOffset now)
    {
        // One hash for all: hashing is deliberately slow, and a demo with hundreds of people should start in seconds.
        var passwordHash = hasher.HashPassword(new Person(), Password);
        var random = new Random(20261122);
        var admin = NewPerson("Ada", "Ada Mensah", AdminLogin, null, "en", now.AddYears(-2), passwordHash);
        admin.IsAdmin = true;
        db.Users.Add(admin);

        var served = new Dictionary<string, (Community Community, Person Coordinator, Person Ambassador, Person Sponsor)>();
        foreach (var place in DemoCommunities.All)
        {
            var community = new Community
            {
                Name = place.Name, Place = place.Place_, Country = place.Country, DefaultLanguage = place.Language,
                Currency = place.Currency, TimeZone = place.TimeZone, CreatedAt = now.AddMonths(-14),
                AgencyName = place.Agency.Name, AgencyAbout = place.Agency.About, AgencyContact = place.Agency.Contact,
            };
            db.Communities.Add(community);
            var groups = place.Groups.Select((name, i) => new Group
            {
                CommunityId = community.Id, Name = name, CreatedAt = community.CreatedAt.AddDays(7 * i),
            }).ToList();
            db.Groups.AddRange(groups);

            var phoneSerial = 100;
            Person? coordinator = null;
            Person? ambassador = null;
            var established = new List<(Person Person, Guid GroupId, Guid HouseholdId)>();
            var households = new List<(Household, Guid)>();
            for (var h = 0; h < place.Households.Length; h++)
            {
                var group = groups[h % groups.Count];
                // The two newest households joined this month and are still finding their feet.
                var joined = h == place.Households.Length - 1 ? now.AddDays(-6)
                    : h == place.Households.Length - 2 ? now.AddDays(-18)
                    : community.CreatedAt.AddDays(10 + (h * 23) % 360);
                var adults = place.Households[h];
                var household = new Household
                {
                    CommunityId = community.Id, GroupId = group.Id, Name = string.Join(" & ", adults), CreatedAt = joined,
                    NameOnMap = DemoNameOnMap(h, place.Households.Length),
                };
                db.Households.Add(household);
                households.Add((household, Guid.Empty));
                var surname = place.Surnames[random.Next(place.Surnames.Length)];
                foreach (var (firstName, order) in adults.Select((a, i) => (a, i)))
                {
                    phoneSerial++;
                    var slug = Slug(firstName);
                    var email = place.EmailDomain is null ? null : $"{slug}@{place.EmailDomain}";
                    var phone = place.EmailDomain is null ? $"{place.PhonePrefix}0000{phoneSerial}" : null;
                    var language = place.Country == "UG" && h % 3 == 0 ? "sw"
                        : place.Country == "RW" && h % 4 == 3 ? "fr"
                        : place.Name.StartsWith("Fruitvale", StringComparison.Ordinal) && h % 2 == 1 ? "es"
                        : place.Language;
                    var person = NewPerson(firstName, $"{firstName} {surname}", email, phone, language, joined, passwordHash);
                    db.Users.Add(person);
                    // Members are listed by when they joined; the household's first-named adult came first.
                    db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = person.Id, JoinedAt = joined.AddMinutes(order) });
                    db.CommunityRoles.Add(new CommunityRole { CommunityId = community.Id, PersonId = person.Id, Role = Role.Member, GrantedAt = joined });
                    coordinator ??= person;
                    if (households[^1].Item2 == Guid.Empty) households[^1] = (household, person.Id);
                    if (h == 4 && ambassador is null) ambassador = person;
                    if (h < place.Households.Length - 2)
                    {
                        established.Add((person, group.Id, household.Id));
                        // Established members tell their newcomers how to reach them: all at the group meeting, every
                        // other household by phone too (the number they sign in with, or one they give for it).
                        person.BuddyAtGroupMeeting = true;
                        if (h % 2 == 0) person.BuddyPhone = phone ?? $"{place.PhonePrefix}{1000 + phoneSerial:D4}";
                    }
                    else
                    {
                        // The two newest households are still in orientation, each with a buddy from their group.
                        var buddy = established.First(e => e.GroupId == group.Id).Person;
                        db.Orientations.Add(new Orientation
                        {
                            PersonId = person.Id, CommunityId = community.Id, BuddyId = buddy.Id, StartedAt = joined,
                            ProfileDoneAt = h == place.Households.Length - 2 ? joined.AddDays(1) : null,
                        });
                    }
                }
            }

            db.CommunityRoles.Add(new CommunityRole { CommunityId = community.Id, PersonId = coordinator!.Id, Role = Role.Coordinator, GrantedAt = community.CreatedAt, GrantedById = admin.Id });
            db.CommunityRoles.Add(new CommunityRole { CommunityId = community.Id, PersonId = ambassador!.Id, Role = Role.Ambassador, GrantedAt = now.AddMonths(-3), GrantedById = coordinator.Id, Until = DateOnly.FromDateTime(now.AddMonths(9).UtcDateTime) });

            var sponsorLogin = place.EmailDomain is null ? $"{place.PhonePrefix}0000099" : $"sponsor@{place.EmailDomain}";
            var sponsorName = place.Country switch { "RW" => "Agnès", "UG" => "Peter", _ when place.Language == "es" => "Claudia", _ => "Karen" };
            var sponsor = NewPerson(sponsorName, $"{sponsorName} (sponsoring agency)", place.EmailDomain is null ? null : sponsorLogin,
                place.EmailDomain is null ? sponsorLogin : null, place.Language, community.CreatedAt, passwordHash);
            db.Users.Add(sponsor);
            db.CommunityRoles.Add(new CommunityRole { CommunityId = community.Id, PersonId = sponsor.Id, Role = Role.Sponsor, GrantedAt = community.CreatedAt, GrantedById = admin.Id });

            served[place.Name] = (community, coordinator, ambassador, sponsor);
            DemoCheckIns.Add(db, community, households, now, random);

            db.Invitations.Add(new Invitation
            {
                Code = place.InvitationCode, CommunityId = community.Id, Role = Role.Member, GroupId = groups[0].Id,
                CreatedById = coordinator.Id, CreatedAt = now, ExpiresAt = now.AddYears(1),
            });
        }

        // People serve more than one community, as they do in life: Claudia of the Central Valley's agency also verifies
        // the projects of Fruitvale's Spanish-speaking families (granted later than Fruitvale's own sponsor), and Fatima of
        // Boston shares Fruitvale's projects with her sister's neighbours there.
        var (fruitvale, fruitvaleCoordinator, _, _) = served["Fruitvale Families"];
        db.CommunityRoles.Add(new CommunityRole
        {
            CommunityId = fruitvale.Id, PersonId = served["Arvin Unidos"].Sponsor.Id, Role = Role.Sponsor,
            GrantedAt = now.AddMonths(-2), GrantedById = admin.Id,
        });
        db.CommunityRoles.Add(new CommunityRole
        {
            CommunityId = fruitvale.Id, PersonId = served["Dudley Neighbors Together"].Ambassador.Id, Role = Role.Ambassador,
            GrantedAt = now.AddMonths(-1), GrantedById = fruitvaleCoordinator.Id, Until = DateOnly.FromDateTime(now.AddMonths(11).UtcDateTime),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Most demo households share their names with the community, so the map tells its story; every fifth
    /// keeps it to its group, a few keep it to themselves, and the two newest have not chosen yet (nobody).
    /// </summary>
    private static NameOnMap DemoNameOnMap(int index, int households) =>
        index >= households - 2 || index % 8 == 5 ? NameOnMap.Nobody
        : index % 5 == 4 ? NameOnMap.Group
        : NameOnMap.Community;

    private static Person NewPerson(string firstName, string fullName, string? email, string? phone, string language,
        DateTimeOffset createdAt, string passwordHash)
    {
        var userName = email ?? phone!;
        return new Person
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = email,
            NormalizedEmail = email?.ToUpperInvariant(), EmailConfirmed = email is not null, PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null, FirstName = firstName, FullName = fullName, PreferredLanguage = language,
            CreatedAt = createdAt, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
    }

    private static string Slug(string firstName) =>
        new string(firstName.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c)).Select(char.ToLowerInvariant).ToArray());
}
