using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Data.Sqlite;

namespace Mutua.Bench;

/// <summary>
/// A fresh SQLite database (real migrations, so the FTS5 table and its triggers are filled as in
/// production) with five communities in five languages, their households and people, N projects
/// with titles and stories built from everyday project words in the community's language, 1–3 needs
/// each, and M pledges spread unevenly (a few projects draw many supporters). The ordering figures
/// are written as ProjectRanking would compute them. One person, bench@example.org with password
/// "bench-password-2026", is a member everywhere, for timing pages signed in.
/// </summary>
internal static class ProjectsGenerator
{
    public const string Login = "bench@example.org";
    public const string Password = "bench-password-2026";
    private const int RowsPerTransaction = 20_000;
    private static readonly DateTimeOffsetToBinaryConverter Instant = new();
    private static long Ticks(DateTimeOffset at) => (long)Instant.ConvertToProvider(at)!;

    private sealed record Place(string Language, string Currency, string Country, string TimeZone, long MoneyScale, string[] Subjects, string[] Verbs, string[] Fillers);

    private static readonly Place[] Places =
    [
        new("rw", "RWF", "RW", "Africa/Kigali", 1,
            ["inkoko", "ihene", "amazi", "ishuri", "ubudozi", "imigati", "iduka", "ibihumyo", "inzuki", "igare", "imboga", "ibiseke", "isabune", "inka"],
            ["korora", "gucuruza", "kubaka", "kwigisha", "guhinga", "gusana", "kugura"],
            ["umuryango", "umudugudu", "isoko", "abana", "urubyiruko", "abagore", "itsinda", "Kitabi", "Nyamagabe"]),
        new("sw", "UGX", "UG", "Africa/Kampala", 10,
            ["kuku", "mbuzi", "maji", "shule", "cherehani", "mikate", "duka", "uyoga", "nyuki", "baiskeli", "mboga", "vikapu", "sabuni", "ngombe"],
            ["kufuga", "kuuza", "kujenga", "kufundisha", "kulima", "kukarabati", "kununua"],
            ["familia", "kijiji", "soko", "watoto", "vijana", "wanawake", "kikundi", "Masese", "Jinja"]),
        new("es", "MXN", "MX", "America/Mexico_City", 10,
            ["gallinas", "cabras", "agua", "escuela", "costura", "panaderia", "tienda", "hongos", "abejas", "bicicleta", "huerto", "artesania", "jabon", "vaca"],
            ["criar", "vender", "construir", "enseñar", "sembrar", "reparar", "comprar"],
            ["familia", "barrio", "mercado", "niños", "jóvenes", "mujeres", "grupo", "Oaxaca", "Arvin"]),
        new("fr", "XOF", "SN", "Africa/Dakar", 5,
            ["poules", "chèvres", "eau", "école", "couture", "boulangerie", "boutique", "champignons", "abeilles", "vélo", "potager", "artisanat", "savon", "vache"],
            ["élever", "vendre", "construire", "enseigner", "cultiver", "réparer", "acheter"],
            ["famille", "quartier", "marché", "enfants", "jeunes", "femmes", "groupe", "Thiès", "Dakar"]),
        new("en", "USD", "US", "America/New_York", 2,
            ["chickens", "goats", "water", "school", "sewing", "bakery", "shop", "mushrooms", "bees", "bicycle", "garden", "crafts", "soap", "dairy"],
            ["raise", "sell", "build", "teach", "grow", "repair", "buy"],
            ["family", "block", "market", "children", "youth", "women", "group", "Roxbury", "Oakland"]),
    ];

    public static async Task RunAsync(string path, int projects, int pledges, int seed)
    {
        if (projects < 10 || pledges < 0) throw new ArgumentException("--projects must be at least 10 and --pledges zero or more.");
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var clock = Stopwatch.StartNew();
        var connectionString = $"Data Source={path}";
        var builder = new DbContextOptionsBuilder<MutuaDbContext>();
        builder.UseMutuaSqlite(connectionString);
        await using (var db = new MutuaDbContext(builder.Options)) await db.Database.MigrateAsync();

        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;");
        var w = new Writer(connection);

        // Five communities, 400 households each (one adult each), plus 6,000 supporters from anywhere.
        var hash = new PasswordHasher<Person>().HashPassword(new Person(), Password);
        var bench = Guid.CreateVersion7();
        w.Person(bench, "Bench", Login, hash, Ticks(now.AddYears(-2)));
        var communities = new List<(Guid Id, Place Place, Guid[] Households, Guid[] Groups, Guid[] People, Guid Sponsor)>();
        foreach (var (place, c) in Places.Select((p, i) => (p, i)))
        {
            var id = Guid.CreateVersion7();
            w.Community(id, $"Bench {place.Country}", place, Ticks(now.AddYears(-3)));
            w.Role(id, bench, 1, Ticks(now.AddYears(-2)));
            var groups = Enumerable.Range(0, 60).Select(_ => Guid.CreateVersion7()).ToArray();
            foreach (var (g, i) in groups.Select((g, i) => (g, i))) w.Group(g, id, $"Group {i + 1}", Ticks(now.AddYears(-3)));
            var households = new Guid[400];
            var people = new Guid[400];
            for (var h = 0; h < households.Length; h++)
            {
                households[h] = Guid.CreateVersion7();
                people[h] = Guid.CreateVersion7();
                w.Household(households[h], id, groups[h % groups.Length], $"Household {h + 1}", Ticks(now.AddYears(-2)));
                w.Person(people[h], $"P{c}{h}", $"p{c}-{h}@bench.example", null, Ticks(now.AddYears(-2)));
                w.Member(households[h], people[h], Ticks(now.AddYears(-2)));
                w.Role(id, people[h], 1, Ticks(now.AddYears(-2)));
            }
            var sponsor = Guid.CreateVersion7();
            w.Person(sponsor, $"Sponsor{c}", $"sponsor{c}@bench.example", null, Ticks(now.AddYears(-3)));
            w.Role(id, sponsor, 3, Ticks(now.AddYears(-3)));
            communities.Add((id, place, households, groups, people, sponsor));
        }
        // The bench person belongs to a household in the first community, so the pages see "member" visibility.
        w.Member(communities[0].Households[0], bench, Ticks(now.AddYears(-2)));
        var supporters = Enumerable.Range(0, 6000).Select(i =>
        {
            var id = Guid.CreateVersion7();
            w.Person(id, $"S{i}", $"s{i}@bench.example", null, Ticks(now.AddYears(-1)));
            return id;
        }).ToArray();
        w.Commit();
        Console.WriteLine($"people and places in {clock.Elapsed.TotalSeconds:F1} s");

        // Projects: popularity is heavy-tailed, so pledges per project follow a Pareto-like weight.
        var weights = new double[projects];
        var statuses = new int[projects];
        for (var i = 0; i < projects; i++)
        {
            weights[i] = Math.Pow(1 - random.NextDouble(), -0.7);
            statuses[i] = random.NextDouble() switch { < 0.05 => 1, < 0.85 => 2, < 0.95 => 3, _ => 4 };
        }
        // Scale so the capped counts add up to the pledges asked for.
        var scale = pledges / weights.Sum();
        for (var round = 0; round < 8; round++)
        {
            var total = 0.0;
            for (var i = 0; i < projects; i++) total += statuses[i] == 1 ? 0 : Math.Min(5000, Math.Round(weights[i] * scale));
            if (total > 0) scale *= pledges / total;
        }
        long pledgeCount = 0, needCount = 0;
        var sample = "";
        var samplePledges = 0;
        for (var i = 0; i < projects; i++)
        {
            var (communityId, place, households, groups, people, sponsor) = communities[i % communities.Count];
            var id = Guid.CreateVersion7();
            var subject = place.Subjects[random.Next(place.Subjects.Length)];
            var verb = place.Verbs[random.Next(place.Verbs.Length)];
            var title = $"{Capital(verb)} {subject} {place.Fillers[random.Next(place.Fillers.Length)]} {i}";
            var story = string.Join(' ', Enumerable.Range(0, 40).Select(k => k % 7 == 0 ? subject
                : k % 3 == 0 ? place.Verbs[random.Next(place.Verbs.Length)] : place.Fillers[random.Next(place.Fillers.Length)])) + ".";
            var status = statuses[i];
            var isPublic = random.NextDouble() < 0.3;
            var created = now.AddMinutes(-(projects - i) * 5.0);
            var household = random.NextDouble() < 0.85 ? households[random.Next(households.Length)] : (Guid?)null;
            var verified = status != 1 && random.NextDouble() < 0.25;
            var category = 1 + (Array.IndexOf(place.Subjects, subject) % 6);
            var slug = $"{Slug(title)}-b{i.ToString(CultureInfo.InvariantCulture)}";

            var needs = new List<(Guid Id, int Kind, long Target)>();
            var kinds = new[] { 1, 1 + random.Next(1, 4) }.Concat(random.NextDouble() < 0.4 ? [4] : []).Distinct().ToList();
            foreach (var kind in kinds)
            {
                var target = kind == 1 ? (long)(Math.Exp(10 + random.NextDouble() * 3) * place.MoneyScale) / 100 * 100 : 5 + random.Next(0, 60);
                needs.Add((Guid.CreateVersion7(), kind, target));
            }
            var n = status == 1 ? 0 : (int)Math.Min(5000, Math.Round(weights[i] * scale));
            var confirmed = new long[needs.Count];
            var people2 = new HashSet<int>();
            var rows = new List<(Guid Need, long Amount, int Status, int Person)>(n);
            for (var k = 0; k < n; k++)
            {
                var ni = random.Next(needs.Count);
                var need = needs[ni];
                var amount = need.Kind == 1 ? Math.Max(100, need.Target / (5 + random.Next(0, 40)) / 100 * 100) : 1 + random.Next(0, 4);
                var st = random.NextDouble() switch { < 0.6 => 2, < 0.9 => 1, _ => 3 };
                var person = random.Next(supporters.Length);
                if (st == 2) confirmed[ni] += amount;
                if (st != 3) people2.Add(person);
                rows.Add((need.Id, amount, st, person));
            }
            var progress = needs.Count == 0 ? 0 : needs.Select((x, j) => (int)Math.Min(1000, confirmed[j] * 1000 / x.Target)).Sum() / needs.Count;
            w.Project(id, slug, communityId, household, household is null ? groups[random.Next(groups.Length)] : null, people[0], title, story, category,
                status, isPublic, Ticks(created), status == 1 ? null : Ticks(created.AddHours(1)), verified ? sponsor : null,
                verified ? Ticks(created.AddDays(2)) : null, progress, people2.Count);
            foreach (var (need, j) in needs.Select((x, j) => (x, j))) { w.Need(need.Id, id, need.Kind, need.Kind == 1 ? "Capital" : "Help", need.Target, j); needCount++; }
            foreach (var r in rows)
            {
                w.Pledge(Guid.CreateVersion7(), id, r.Need, supporters[r.Person], r.Amount, r.Status, Ticks(created.AddHours(2)),
                    r.Status == 2 ? Ticks(created.AddDays(1)) : null, r.Status == 2 ? "MoMo 1234" : null);
                pledgeCount++;
            }
            if (isPublic && status == 2 && n > samplePledges) { sample = slug; samplePledges = n; }
            if (w.Pending >= RowsPerTransaction) w.Commit();
            if (i % 10_000 == 0) Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {i,7} projects  {pledgeCount,8} pledges");
        }
        w.Commit();
        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE; PRAGMA optimize;");
        await File.WriteAllTextAsync(path + ".sample", sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {projects} projects, {needCount} needs, {pledgeCount} pledges in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"{new FileInfo(path).Length / 1048576.0:F0} MB; busiest public project /p/{sample} ({samplePledges} pledges); sign in as {Login} / {Password}"));
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Slug(string title) => string.Join('-',
        new string(Mutua.Core.Projects.ProjectText.Fold(title).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Writer(SqliteConnection connection)
    {
        private SqliteTransaction? transaction;
        private readonly Dictionary<string, SqliteCommand> commands = [];
        public int Pending { get; private set; }

        private void Run(string table, string[] columns, params object?[] values)
        {
            if (!commands.TryGetValue(table, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
                foreach (var c in columns) command.Parameters.Add(new SqliteParameter("$" + c, null));
                commands[table] = command;
            }
            if (transaction is null)
            {
                transaction = connection.BeginTransaction();
                foreach (var c in commands.Values) c.Transaction = transaction;
            }
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
            Pending++;
        }

        public void Commit()
        {
            transaction?.Commit();
            transaction?.Dispose();
            transaction = null;
            Pending = 0;
        }

        public void Person(Guid id, string firstName, string login, string? hash, long at) => Run("AspNetUsers",
            ["Id", "FirstName", "PreferredLanguage", "IsAdmin", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
             "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp", "PasswordHash", "ConcurrencyStamp"],
            id, firstName, "en", false, at, login, login.ToUpperInvariant(), login, login.ToUpperInvariant(), true, false, false, true, 0,
            Guid.NewGuid().ToString("N"), hash, Guid.NewGuid().ToString());

        public void Community(Guid id, string name, Place p, long at) => Run("Communities",
            ["Id", "Name", "Place", "Country", "DefaultLanguage", "Currency", "TimeZone", "CreatedAt"], id, name, name, p.Country, p.Language, p.Currency, p.TimeZone, at);

        public void Group(Guid id, Guid community, string name, long at) => Run("Groups", ["Id", "CommunityId", "Name", "CreatedAt"], id, community, name, at);

        public void Household(Guid id, Guid community, Guid group, string name, long at) =>
            Run("Households", ["Id", "CommunityId", "GroupId", "Name", "CreatedAt"], id, community, group, name, at);

        public void Member(Guid household, Guid person, long at) => Run("HouseholdMembers", ["HouseholdId", "PersonId", "JoinedAt"], household, person, at);

        public void Role(Guid community, Guid person, int role, long at) =>
            Run("CommunityRoles", ["Id", "CommunityId", "PersonId", "Role", "GrantedAt"], Guid.CreateVersion7(), community, person, role, at);

        public void Project(Guid id, string slug, Guid community, Guid? household, Guid? group, Guid createdBy, string title, string story, int category,
            int status, bool isPublic, long created, long? published, Guid? verifiedBy, long? verifiedAt, int progress, int supporters) => Run("Projects",
            ["Id", "Slug", "CommunityId", "HouseholdId", "GroupId", "CreatedById", "Title", "Story", "Category", "Status", "IsPublic", "CreatedAt",
             "UpdatedAt", "PublishedAt", "VerifiedById", "VerifiedAt", "RankProgress", "RankSupporters"],
            id, slug, community, household, group, createdBy, title, story, category, status, isPublic, created, created, published, verifiedBy,
            verifiedAt, progress, supporters);

        public void Need(Guid id, Guid project, int kind, string description, long target, int order) =>
            Run("Needs", ["Id", "ProjectId", "Kind", "Description", "Target", "Order"], id, project, kind, description, target, order);

        public void Pledge(Guid id, Guid project, Guid need, Guid person, long amount, int status, long created, long? confirmed, string? reference) =>
            Run("Pledges", ["Id", "ProjectId", "NeedId", "PersonId", "Amount", "Status", "CreatedAt", "ConfirmedAt", "Reference"],
                id, project, need, person, amount, status, created, confirmed, reference);
    }
}
