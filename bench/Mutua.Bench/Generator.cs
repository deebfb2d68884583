using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;

namespace Mutua.Bench;

/// <summary>
/// Fills a fresh SQLite database (real migrations) with communities, groups, households and months
/// of check-ins with believable distributions. Rows go in through one prepared ADO.NET command per
/// table, many executions per transaction, with synchronous=OFF on this connection only.
/// </summary>
internal static class Generator
{
    private const int RowsPerTransaction = 20_000;

    /// <summary>One kind of place: currency, zone, language and the median monthly income there (minor units).</summary>
    private sealed record Economy(string Currency, string Country, string Language, string TimeZone, double MedianIncome, long SavingsStep, long DebtsHigh);

    private static readonly Economy[] Economies =
    [
        new("RWF", "RW", "rw", "Africa/Kigali", 70_000, 3_000, 150_000),
        new("UGX", "UG", "en", "Africa/Kampala", 450_000, 20_000, 900_000),
        new("KES", "KE", "sw", "Africa/Nairobi", 25_000, 1_000, 60_000),
        new("MXN", "MX", "es", "America/Mexico_City", 900_000, 20_000, 1_500_000),
        new("XOF", "SN", "fr", "Africa/Dakar", 120_000, 5_000, 250_000),
    ];

    /// <summary>The password of every generated "load" person (see <c>--load-people</c>).</summary>
    public const string LoadPassword = "bench-load-2026";

    public static string LoadEmail(int i) => $"load{i}@bench.mutua.test";

    public static async Task RunAsync(BenchDatabase target, int households, int months, int seed, int loadPeople = 0)
    {
        if (households < 1 || months < 1) throw new ArgumentException("--households and --months must be positive.");
        var total = Stopwatch.StartNew();
        if (target.SqlitePath is { } path)
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
        else
        {
            await using var fresh = target.Connection();
            await fresh.OpenAsync();
            await Exec(fresh, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        var options = target.Options();
        await using (var db = new MutuaDbContext(options)) await db.Database.MigrateAsync();
        Console.WriteLine($"migrated in {total.Elapsed.TotalSeconds:F1} s");

        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var last = Month.Current(now, "UTC").Previous;
        var first = last;
        for (var i = 1; i < months; i++) first = first.Previous;
        var start = new DateTimeOffset(first.Year, first.Number, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(last.Year, last.Number, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

        await using var connection = target.Connection();
        await connection.OpenAsync();
        await Exec(connection, target.IsPostgres
            ? "SET synchronous_commit = off;"
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;");
        Func<DateTimeOffset, object> Ticks = target.Instant;

        var writer = new Writer(connection);
        var personId = Guid.CreateVersion7();
        writer.Person(personId, Ticks(start.AddYears(-3)));

        var sizes = CommunitySizes(households, random);
        var progress = new Progress();
        for (var c = 0; c < sizes.Count; c++)
        {
            var economy = Economies[c % Economies.Length];
            GenerateCommunity(writer, progress, random, c, sizes[c], economy, personId, first, months, start, end, Ticks);
        }
        writer.Commit();
        if (loadPeople > 0)
        {
            // People for the load test only: person i belongs to every household whose number is i modulo N,
            // so N sign-ins can write to every household. Each sign-in costs a full password hash (~60 ms):
            // 10,000 people (ten households each, as big families or helpers) sign in within minutes. One hash serves all (it carries its salt).
            var hash = new PasswordHasher<Person>().HashPassword(new Person(), LoadPassword);
            var ids = new Guid[loadPeople];
            for (var i = 0; i < loadPeople; i++)
            {
                ids[i] = Guid.CreateVersion7();
                writer.LoadPerson(ids[i], LoadEmail(i), hash, Ticks(start));
            }
            writer.Commit();
            await using var all = connection.CreateCommand();
            all.CommandText = "SELECT \"Id\" FROM \"Households\" ORDER BY \"Id\"";
            var n = 0;
            var homes = new List<Guid>();
            await using (var reader = await all.ExecuteReaderAsync())
                while (await reader.ReadAsync()) homes.Add(reader.GetGuid(0));
            foreach (var h in homes) writer.Member(h, ids[n++ % loadPeople], Ticks(start));
            writer.Commit();
            Console.WriteLine($"{loadPeople} load people ({LoadEmail(0)} …, password {LoadPassword}), {n} memberships");
        }
        Console.WriteLine("checkpointing and analysing...");
        await Exec(connection, target.IsPostgres ? "ANALYZE;" : "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA optimize;");
        total.Stop();
        var size = target.SqlitePath is { } file ? string.Create(CultureInfo.InvariantCulture, $"; {new FileInfo(file).Length / 1048576.0:F0} MB") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {sizes.Count} communities ({string.Join(", ", sizes)} households), {progress.Households} households, {progress.Groups} groups, " +
            $"{progress.CheckIns} check-ins, {progress.Help} help exchanges, {first}..{last}; {total.Elapsed.TotalSeconds:F1} s, " +
            $"{(progress.CheckIns + progress.Help) / progress.Clock.Elapsed.TotalSeconds:F0} rows/s{size}"));
    }

    /// <summary>500–10,000 households each; with 10,000 or more, the first (largest) has exactly 10,000.</summary>
    internal static List<int> CommunitySizes(int households, Random random)
    {
        var sizes = new List<int>();
        var left = households;
        if (left >= 10_000) { sizes.Add(10_000); left -= 10_000; }
        while (left > 0)
        {
            if (left <= 10_000) { sizes.Add(left); break; }
            // Log-uniform between 500 and 10,000: many small communities, a few large ones.
            var size = (int)Math.Exp(Math.Log(500) + random.NextDouble() * (Math.Log(10_000) - Math.Log(500)));
            if (left - size < 500) size = left - 500;
            sizes.Add(size);
            left -= size;
        }
        return sizes;
    }

    private static void GenerateCommunity(Writer writer, Progress progress, Random random, int index, int size, Economy economy,
        Guid personId, Month first, int months, DateTimeOffset start, DateTimeOffset end, Func<DateTimeOffset, object> Ticks)
    {
        var communityId = Guid.CreateVersion7();
        var created = start.AddYears(-2);
        writer.Community(communityId, $"Community {index + 1:D3}", $"Place {index + 1}", economy, Ticks(created));

        // This community's own level: ±35 % around the currency's median.
        var median = economy.MedianIncome * Math.Exp(0.3 * Normal(random));
        var ids = new Guid[size];
        var groupOf = new int[size];
        var joined = new int[size];
        var groups = new List<(Guid Id, int From, int Count)>();
        for (var h = 0; h < size;)
        {
            var count = Math.Min(random.Next(4, 9), size - h);
            var groupId = Guid.CreateVersion7();
            writer.Group(groupId, communityId, $"Group {groups.Count + 1}", Ticks(created));
            for (var k = 0; k < count; k++) groupOf[h + k] = groups.Count;
            groups.Add((groupId, h, count));
            h += count;
        }
        progress.Groups += groups.Count;

        var span = (end - start).TotalSeconds;
        for (var h = 0; h < size; h++)
        {
            ids[h] = Guid.CreateVersion7();
            // Six in ten were there before the period; the rest join evenly through it.
            var at = random.NextDouble() < 0.6
                ? start.AddSeconds(-random.NextDouble() * 2 * 365 * 86400)
                : start.AddSeconds(random.NextDouble() * span * 0.95);
            joined[h] = Month.Current(at, economy.TimeZone).Period;
            writer.Household(ids[h], communityId, groups[groupOf[h]].Id, $"Household {h + 1}", Ticks(at));
            progress.Households++;
        }

        // Per-household state: log-normal income level, participation propensity, savings, debts.
        var level = new double[size];
        var propensity = new double[size];
        var savings = new long[size];
        var debts = new long[size];
        for (var h = 0; h < size; h++)
        {
            level[h] = median * Math.Exp(0.65 * Normal(random));
            propensity[h] = Math.Clamp(0.86 + 0.1 * Normal(random), 0.45, 0.99);
            savings[h] = (long)(economy.SavingsStep * random.Next(0, 25));
            debts[h] = random.NextDouble() < 0.6 ? (long)(economy.DebtsHigh * random.NextDouble()) : 0;
        }

        var income1 = new long[1];
        var month = first;
        for (var m = 0; m < months; m++, month = month.Next)
        {
            var recorded = Ticks(new DateTimeOffset(month.Year, month.Number, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(20, 28)));
            var school = month.Number is 1 or 8 or 9;
            var harvest = month.Number is 7 or 12; // a better month for small farms and businesses
            for (var h = 0; h < size; h++)
            {
                if (month.Period < joined[h] || random.NextDouble() > propensity[h]) continue;
                var income = level[h] * (harvest ? 1.12 : 1.0) * (0.85 + random.NextDouble() * 0.3);
                var incomeTotal = random.NextDouble() < 0.03 ? (long?)null : Round((long)income);
                // Savings mostly grow; one month in twenty something eats into them.
                savings[h] = random.NextDouble() < 0.05
                    ? (long)(savings[h] * (0.4 + random.NextDouble() * 0.4))
                    : Math.Max(0, savings[h] + (long)(economy.SavingsStep * (random.NextDouble() * 3 - 0.8)));
                debts[h] = Math.Max(0, debts[h] - (long)(economy.SavingsStep * random.NextDouble() * 2));

                var needs = 0;
                if (school && random.NextDouble() < 0.6) needs |= 1 << (int)NeedCategory.SchoolCosts;
                if (random.NextDouble() < 0.35) needs |= 1 << (int)NeedCategory.Childcare;
                if (random.NextDouble() < 0.2) needs |= 1 << (int)NeedCategory.Transport;
                if (random.NextDouble() < (month.Number is 4 or 5 or 10 or 11 ? 0.22 : 0.12)) needs |= 1 << (int)NeedCategory.HealthCare;
                if (random.NextDouble() < (income < median * 0.6 ? 0.25 : 0.05)) needs |= 1 << (int)NeedCategory.Food;
                var wants = (random.NextDouble() < 0.4 ? 1 << (int)NeedCategory.BusinessCapital : 0)
                    | (random.NextDouble() < 0.3 ? 1 << (int)NeedCategory.Training : 0)
                    | (random.NextDouble() < 0.15 ? 1 << (int)NeedCategory.ToolsOrEquipment : 0);

                var checkInId = Guid.CreateVersion7();
                var group = groups[groupOf[h]];
                var gave = random.NextDouble() < 0.35;
                var received = random.NextDouble() < (needs != 0 ? 0.4 : 0.2);
                // The summary columns come from the rows, computed as the service computes them (one income
                // line of the total, none when the household left income out; one help row each way).
                income1[0] = incomeTotal.GetValueOrDefault();
                var directions = (gave, received) switch
                {
                    (true, true) => Both, (true, false) => GivenOnly, (false, true) => ReceivedOnly, _ => [],
                };
                var summary = CheckInSummary.Summarise(incomeTotal is null ? [] : income1, directions);
                writer.CheckIn(checkInId, ids[h], communityId, group.Id, month.Period, economy.Currency, summary, Round(savings[h]),
                    Round(debts[h]), Math.Clamp(3 + (int)Math.Round(Normal(random)), 1, 5), 1 + random.Next(0, 4), needs, wants,
                    random.NextDouble() < 0.3 ? 2 | 1 | 8 : 2 | 1, recorded, personId);
                progress.CheckIns++;
                // Help mostly stays inside the group (85 %); some crosses to anyone in the community.
                foreach (var direction in directions)
                {
                    writer.Help(checkInId, (int)direction, Other(random, h, group, ids), 1 + random.Next(0, 8));
                    progress.Help++;
                }
                if (writer.Pending >= RowsPerTransaction) writer.Commit();
                progress.Tick();
            }
        }
        writer.Commit();
    }

    private static readonly HelpDirection[] Both = [HelpDirection.Given, HelpDirection.Received];
    private static readonly HelpDirection[] GivenOnly = [HelpDirection.Given];
    private static readonly HelpDirection[] ReceivedOnly = [HelpDirection.Received];

    private static Guid Other(Random random, int h, (Guid Id, int From, int Count) group, Guid[] ids)
    {
        int other;
        if (group.Count > 1 && random.NextDouble() < 0.85)
        {
            do other = group.From + random.Next(group.Count); while (other == h);
        }
        else
        {
            do other = random.Next(ids.Length); while (other == h && ids.Length > 1);
        }
        return ids[other];
    }

    /// <summary>People report round figures.</summary>
    private static long Round(long amount) => amount < 1000 ? amount : amount / 1000 * 1000;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Progress
    {
        public readonly Stopwatch Clock = Stopwatch.StartNew();
        private TimeSpan _last;
        private long _lastRows;
        public long Households, Groups, CheckIns, Help;

        public void Tick()
        {
            if ((CheckIns & 1023) != 0 || Clock.Elapsed - _last < TimeSpan.FromSeconds(3)) return;
            var rows = CheckIns + Help;
            var rate = (rows - _lastRows) / (Clock.Elapsed - _last).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Clock.Elapsed.TotalSeconds,6:F1} s  {Households,8} households  {CheckIns,10} check-ins  {Help,9} help  {rate,9:F0} rows/s"));
            _last = Clock.Elapsed;
            _lastRows = rows;
        }
    }

    /// <summary>One prepared insert per table, all on one connection, committed every few thousand rows.</summary>
    private sealed class Writer
    {
        private readonly DbConnection _connection;
        private DbTransaction? _transaction;
        private readonly DbCommand _person, _community, _group, _household, _checkIn, _help, _loadPerson, _member;
        public int Pending { get; private set; }

        public Writer(DbConnection connection)
        {
            _connection = connection;
            _person = Prepare("AspNetUsers", "Id", "FirstName", "PreferredLanguage", "IsAdmin", "CreatedAt", "UserName", "NormalizedUserName",
                "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp");
            _community = Prepare("Communities", "Id", "Name", "Place", "Country", "DefaultLanguage", "Currency", "TimeZone", "CreatedAt");
            _group = Prepare("Groups", "Id", "CommunityId", "Name", "CreatedAt");
            _household = Prepare("Households", "Id", "CommunityId", "GroupId", "Name", "CreatedAt");
            _checkIn = Prepare("CheckIns", "Id", "HouseholdId", "CommunityId", "GroupId", "Period", "Currency", "IncomeTotal", "SavingsBalance",
                "Debts", "HealthRating", "Housing", "NeedsMask", "WantsMask", "GaveHelp", "ReceivedHelp", "SharedWithGroup", "CreatedAt",
                "UpdatedAt", "RecordedById", "Corrections");
            _help = Prepare("HelpExchanges", "Id", "CheckInId", "Direction", "OtherHouseholdId", "Kind");
            _loadPerson = Prepare("AspNetUsers", "Id", "FirstName", "PreferredLanguage", "IsAdmin", "CreatedAt", "UserName", "NormalizedUserName",
                "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
                "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp");
            _member = Prepare("HouseholdMembers", "HouseholdId", "PersonId", "JoinedAt");
        }

        private DbCommand Prepare(string table, params string[] columns)
        {
            var command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
            foreach (var c in columns)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + c;
                command.Parameters.Add(parameter);
            }
            return command;
        }

        private void Run(DbCommand command, params object?[] values)
        {
            if (_transaction is null)
            {
                _transaction = _connection.BeginTransaction();
                foreach (var c in new[] { _person, _community, _group, _household, _checkIn, _help, _loadPerson, _member }) c.Transaction = _transaction;
            }
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
            Pending++;
        }

        public void Commit()
        {
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
            Pending = 0;
        }

        public void Person(Guid id, object createdAt) => Run(_person, id, "Bench", "en", true, createdAt, "bench@example.org",
            "BENCH@EXAMPLE.ORG", true, false, false, true, 0, Guid.NewGuid().ToString("N"));

        public void LoadPerson(Guid id, string email, string hash, object createdAt) => Run(_loadPerson, id, "Load", "en", false, createdAt,
            email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, hash, false, false, true, 0,
            Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString());

        public void Member(Guid householdId, Guid personId, object joinedAt) => Run(_member, householdId, personId, joinedAt);

        public void Community(Guid id, string name, string place, Economy e, object createdAt) =>
            Run(_community, id, name, place, e.Country, e.Language, e.Currency, e.TimeZone, createdAt);

        public void Group(Guid id, Guid communityId, string name, object createdAt) => Run(_group, id, communityId, name, createdAt);

        public void Household(Guid id, Guid communityId, Guid groupId, string name, object createdAt) =>
            Run(_household, id, communityId, groupId, name, createdAt);

        public void CheckIn(Guid id, Guid householdId, Guid communityId, Guid groupId, int period, string currency, CheckInSummary summary,
            long savings, long debts, int health, int housing, int needs, int wants, int shared, object at, Guid recordedBy) =>
            Run(_checkIn, id, householdId, communityId, groupId, period, currency, summary.IncomeTotal, savings, debts, health, housing,
                needs, wants, summary.GaveHelp, summary.ReceivedHelp, shared, at, at, recordedBy, 0);

        public void Help(Guid checkInId, int direction, Guid other, int kind) =>
            Run(_help, Guid.CreateVersion7(), checkInId, direction, other, kind);
    }
}
