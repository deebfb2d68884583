using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.CheckIns;

public sealed class EditModel(Viewer viewer, CheckInService checkIns, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty]
    public CheckInForm Form { get; set; } = new();

    public Guid HouseholdId { get; private set; }
    /// <summary>The household's group, for the next step after saving.</summary>
    public Guid? GroupId => viewer.Households.FirstOrDefault(h => h.HouseholdId == HouseholdId)?.GroupId;
    public Month Month { get; private set; }
    public CheckInView? Saved { get; private set; }
    public IReadOnlyList<HouseholdChoice> Neighbours { get; private set; } = [];
    public bool JustSaved { get; private set; }
    /// <summary>An amount is ten times larger or smaller than before: the form asks the person to tick that it is right.</summary>
    public bool AmountsToCheck { get; private set; }
    /// <summary>How many households a search by name found; null when nobody searched.</summary>
    public int? Found { get; private set; }
    /// <summary>The person's own savings in their savings groups of the household's currency, to take with one tap.</summary>
    public IReadOnlyList<OwnSavings> OwnSavings { get; private set; } = [];
    /// <summary>The savings box was just filled in from the passbook (not saved yet).</summary>
    public bool FromPassbook { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? month, bool saved, CancellationToken ct)
    {
        var problem = await LoadAsync(id, month, ct);
        if (problem is not null) return problem;
        JustSaved = saved;
        Form = ToForm(Saved!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? month, CancellationToken ct)
    {
        var problem = await LoadAsync(id, month, ct);
        if (problem is not null) return problem;
        var input = ToInput();
        if (!ModelState.IsValid)
        {
            // A tick counts for the amounts it was shown with: any new far-off amount on the way back asks again.
            Form.AmountsChecked = false;
            return Page();
        }
        var result = await checkIns.SaveAsync(viewer, id, Month, input, ct);
        if (!result.Succeeded) return this.ShowOnForm(result.Failure!.Value);
        return Redirect($"/Households/{id}/CheckIn/{Month}?saved=true");
    }

    /// <summary>The "Find" button: the form comes back as it was typed, with the households found added to the lists.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid id, string? month, CancellationToken ct)
    {
        var problem = await LoadAsync(id, month, ct);
        if (problem is not null) return problem;
        ModelState.Clear();
        Form.Help = WithBlankRows(Form.Help);
        var chosen = Form.Help.Select(h => Guid.TryParse(h.Who, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
        var found = (await checkIns.FindHouseholdsAsync(viewer, id, Form.Find, chosen, ct)).Value ?? [];
        Found = string.IsNullOrWhiteSpace(Form.Find) ? null : found.Count(f => !chosen.Contains(f.Id));
        Neighbours = found.Concat(Neighbours).DistinctBy(n => n.Id).OrderBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Page();
    }

    /// <summary>
    /// "Use my passbook": the form comes back as it was typed, with the savings box set to the person's savings in their
    /// savings groups; nothing is saved until they save.
    /// </summary>
    public async Task<IActionResult> OnPostFromPassbookAsync(Guid id, string? month, CancellationToken ct)
    {
        var problem = await LoadAsync(id, month, ct);
        if (problem is not null) return problem;
        ModelState.Clear();
        Form.Help = WithBlankRows(Form.Help);
        if (OwnSavings.Count > 0)
        {
            Form.Savings = Money.ToInput(OwnSavings.Sum(s => s.Savings), Saved!.Currency, CultureInfo.CurrentCulture);
            FromPassbook = true;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string? month, CancellationToken ct)
    {
        HouseholdId = id;
        if (month is null)
        {
            if (!viewer.IsMemberOf(id)) return this.Refusal(Failure.Forbidden);
            var current = await checkIns.CurrentMonthAsync(id, ct);
            if (current is null) return this.Refusal(Failure.NotFound);
            Month = current.Value;
        }
        else if (Month.TryParse(month, out var m))
        {
            Month = m;
        }
        else
        {
            return this.Refusal(Failure.NotFound);
        }
        var draft = await checkIns.DraftAsync(viewer, id, Month, ct);
        // A month that has not begun is no page yet: it answers like one that does not exist.
        if (draft.Failure is Failure.MonthInFuture) return this.Refusal(Failure.NotFound);
        if (this.Refusal(draft) is { } refused) return refused;
        Saved = draft.Value;
        Neighbours = (await checkIns.NeighboursAsync(viewer, id, ct)).Value ?? [];
        if (viewer.IsMemberOf(id)) OwnSavings = await savings.OwnSavingsAsync(viewer, Saved!.Currency, ct);
        return null;
    }

    private CheckInForm ToForm(CheckInView v)
    {
        var culture = CultureInfo.CurrentCulture;
        string? Amount(long? a) => a is null ? null : Money.ToInput(a.Value, v.Currency, culture);
        var form = new CheckInForm
        {
            Income = v.Income.ToDictionary(i => i.Source, i => Amount(i.Amount)),
            Savings = Amount(v.SavingsBalance), Debts = Amount(v.Debts), HealthRating = v.HealthRating, HealthNotes = v.HealthNotes,
            EducationNotes = v.EducationNotes, Housing = v.Housing, HousingNotes = v.HousingNotes, LeadershipNotes = v.LeadershipNotes,
            MeetingsLed = v.MeetingsLed, Needs = v.Needs.ToList(), Wants = v.Wants.ToList(), NeedsNotes = v.NeedsNotes, WhatsNew = v.WhatsNew,
            Shared = Enum.GetValues<SharedParts>().Where(p => p != SharedParts.None && v.SharedWithGroup.HasFlag(p)).ToList(),
            Goals = v.Goals.Select(g => new GoalRow { GoalId = g.GoalId, Name = g.Name, Percent = g.Percent }).ToList(),
        };
        form.Help = WithBlankRows(v.Help.Select(h => new HelpRow
        {
            Direction = h.Direction, Who = h.OtherHouseholdId?.ToString() ?? "outside", Outside = h.OtherDescription, Kind = h.Kind,
            Value = Amount(h.Value),
        }));
        for (var i = 0; i < CheckInForm.NewGoalRows; i++) form.Goals.Add(new GoalRow());
        return form;
    }

    /// <summary>Help rows given, then received, each with room for one more.</summary>
    private static List<HelpRow> WithBlankRows(IEnumerable<HelpRow> help)
    {
        var all = new List<HelpRow>();
        foreach (var direction in new[] { HelpDirection.Given, HelpDirection.Received })
        {
            var rows = help.Where(h => h.Direction == direction).ToList();
            while (rows.Count < CheckInForm.HelpRowsPerDirection || !rows.Any(r => r.IsEmpty)) rows.Add(new HelpRow { Direction = direction });
            all.AddRange(rows);
        }
        return all;
    }

    /// <summary>
    /// Reads the form into Core's input; amounts that cannot be read become field errors. An amount typed the other
    /// way round ("12,50" where "12.50" is written) comes back rewritten as it was read, with a question, and is saved
    /// only when posted again; one ten times larger or smaller than before is saved only once the person ticks that
    /// the amounts are right. Nothing is stored as a guess.
    /// </summary>
    private CheckInInput ToInput()
    {
        var culture = CultureInfo.CurrentCulture;
        var currency = Saved!.Currency;
        long? Amount(string? text, string field, long? before, Action<string> rewrite)
        {
            var reading = Money.Read(text, currency, culture);
            switch (reading.Kind)
            {
                case AmountReading.Empty:
                    return null;
                case AmountReading.Unsure when reading.MinorUnits >= 0:
                    ModelState.AddModelError(field, l["We read “{0}” as {1}. If that is right, save again; if not, correct it.",
                        text!.Trim(), Money.Format(reading.MinorUnits, currency, culture)]);
                    rewrite(Money.ToInput(reading.MinorUnits, currency, culture));
                    return null;
                case AmountReading.Read when reading.MinorUnits >= 0:
                    if (!Form.AmountsChecked && FarFrom(reading.MinorUnits, before))
                    {
                        AmountsToCheck = true;
                        ModelState.AddModelError(field, l["{0} is far from the {1} saved before. If it is right, tick “These amounts are right” and save again.",
                            Money.Format(reading.MinorUnits, currency, culture), Money.Format(before!.Value, currency, culture)]);
                    }
                    return reading.MinorUnits;
                default:
                    ModelState.AddModelError(field, l["Please enter an amount such as {0}.", Money.ToInput(150000, currency, culture)]);
                    return null;
            }
        }
        void Rewrite(string field, string value, Action<string> set)
        {
            set(value);
            ModelState.SetModelValue(field, value, value);
        }
        var income = new List<IncomeEntry>();
        foreach (var (source, text) in Form.Income.ToList())
        {
            var field = $"Form.Income[{source}]";
            var before = Saved.Income.FirstOrDefault(i => i.Source == source)?.Amount;
            if (Amount(text, field, before, v => Rewrite(field, v, x => Form.Income[source] = x)) is { } amount) income.Add(new IncomeEntry(source, amount));
        }
        var savings = Amount(Form.Savings, "Form.Savings", Saved.SavingsBalance, v => Rewrite("Form.Savings", v, x => Form.Savings = x));
        var debts = Amount(Form.Debts, "Form.Debts", Saved.Debts, v => Rewrite("Form.Debts", v, x => Form.Debts = x));
        var help = new List<HelpEntry>();
        for (var i = 0; i < Form.Help.Count; i++)
        {
            var row = Form.Help[i];
            if (row.IsEmpty) continue;
            if (row.Kind is null)
            {
                ModelState.AddModelError($"Form.Help[{i}].Kind", l["Please choose the kind of help."]);
                continue;
            }
            Guid? other = Guid.TryParse(row.Who, out var g) ? g : null;
            if (other is null && string.IsNullOrWhiteSpace(row.Outside))
            {
                ModelState.AddModelError($"Form.Help[{i}].Outside", l["Please say who it was: choose a household or describe the person."]);
                continue;
            }
            var valueField = $"Form.Help[{i}].Value";
            help.Add(new HelpEntry(row.Direction, row.Kind.Value, other, other is null ? row.Outside : null,
                Amount(row.Value, valueField, null, v => Rewrite(valueField, v, x => row.Value = x))));
        }
        var goals = Form.Goals.Where(r => r.GoalId is not null || !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => new GoalEntry(r.GoalId, r.Name, r.Percent)).ToList();
        return new CheckInInput(Income: income, SavingsBalance: savings, Debts: debts,
            HealthRating: Form.HealthRating, HealthNotes: Form.HealthNotes, EducationNotes: Form.EducationNotes, Housing: Form.Housing,
            HousingNotes: Form.HousingNotes, LeadershipNotes: Form.LeadershipNotes, MeetingsLed: Form.MeetingsLed, Help: help, Goals: goals,
            Needs: Form.Needs, Wants: Form.Wants, NeedsNotes: Form.NeedsNotes, WhatsNew: Form.WhatsNew,
            SharedWithGroup: Form.Shared.Aggregate(SharedParts.None, (a, p) => a | p));
    }

    /// <summary>Ten times larger or smaller than the amount saved before (last month's, or this month's before a correction).</summary>
    private static bool FarFrom(long amount, long? before) =>
        before is > 0 && amount > 0 && (amount / 10 >= before || amount * 10 <= before);
}
