using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// The passbook and a meeting's sheet as PDF files, A4, in the person's language and with their conventions for money
/// and dates: the same figures, words and order as the pages, for a group that keeps its notebook on paper ("we want to
/// see the money"). Each page ends with the group, the day it was printed and its number.
/// </summary>
public static class SavingsPdf
{
    public const string ContentType = "application/pdf";

    public static byte[] Meeting(MeetingSheet s, IStringLocalizer<Text> l, CultureInfo culture, DateOnly printedOn)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(l);
        string Amount(long minor) => Money.Format(minor, s.Currency, culture);
        string Count(int n) => n.ToString("N0", culture);
        string Who(string? name, bool corrected) => corrected ? $"{name} · {SavingsNames.Corrected(l)}" : name ?? "";
        var vsla = s.Kind == SavingsGroupKind.Vsla;

        using var pdf = new PdfSheet($"{l["Meeting {0}", s.Number]} · {s.GroupName}", culture);
        pdf.Title(l["Meeting {0}", s.Number]);
        pdf.Text($"{s.GroupName} · {l["Cycle {0}", s.CycleNumber]} · {s.Date.ToString("D", culture)}", muted: true);
        pdf.Text(l["Recorded by {0}.", s.RecordedBy], muted: true);

        pdf.Heading(l["The box"]);
        pdf.Figures([
            (l["Cash counted"], Amount(s.BoxCounted)),
            (l["The books say the box holds"], Amount(s.BoxByTheBooks)),
            (l["Difference"], (s.BoxDifference > 0 ? "+" : "") + Amount(s.BoxDifference)),
            (l["Present"], $"{Count(s.Present)} / {Count(s.Attendance.Count)}"),
        ]);
        pdf.Text(SavingsNames.BoxSentence(s, l, culture));

        void Section(string heading, IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfRow> rows, PdfRow? total = null)
        {
            pdf.Heading(heading);
            if (rows.Count == 0)
            {
                pdf.Text(l["None at this meeting."], muted: true);
                return;
            }
            pdf.Table(columns, total is null ? rows : [.. rows, total]);
        }

        Section(l["Attendance"], [new(l["Member"], 2), new(l["Attendance"], 2)],
            [.. s.Attendance.Select(a => new PdfRow([a.FirstName, SavingsNames.Of(a.Status, l)]))]);

        var shares = s.Shares.Where(x => !x.Corrected).ToList();
        if (vsla)
        {
            Section(l["Shares bought"], [new(l["Member"], 3), new(l["Shares"], 1, Figures: true), new(l["Amount"], 2, Figures: true)],
                [.. s.Shares.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Count(x.Shares), Amount(x.Amount)], x.Corrected))],
                new PdfRow([l["Total"], Count(shares.Sum(x => x.Shares)), Amount(shares.Sum(x => x.Amount))], Total: true));
        }
        else
        {
            Section(l["Contributions"], [new(l["Member"], 3), new(l["Amount"], 2, Figures: true)],
                [.. s.Shares.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Amount)], x.Corrected))],
                new PdfRow([l["Total"], Amount(shares.Sum(x => x.Amount))], Total: true));
        }

        if (vsla || s.SocialFundIn.Count > 0 || s.SocialFundOut.Count > 0)
        {
            Section(l["Social fund paid in"], [new(l["Member"], 3), new(l["Amount"], 2, Figures: true)],
                [.. s.SocialFundIn.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Amount)], x.Corrected))],
                new PdfRow([l["Total"], Amount(s.SocialFundIn.Where(x => !x.Corrected).Sum(x => x.Amount))], Total: true));
            Section(l["Social fund paid out"], [new(l["To whom"], 2), new(l["Amount"], 2, Figures: true), new(l["Reason"], 3)],
                [.. s.SocialFundOut.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Amount), x.Reason ?? ""], x.Corrected))]);
        }

        if (vsla)
        {
            Section(l["Loans approved at this meeting"],
                [new(l["Borrower"], 3), new(l["Borrowed"], 2, Figures: true), new(l["Months"], 1, Figures: true), new(l["Due on"], 2, Figures: true)],
                [.. s.Loans.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Amount), Count(x.Months), x.DueOn.ToString("d", culture)], x.Corrected))]);
            var repaid = s.Repayments.Where(x => !x.Corrected).ToList();
            Section(l["Repayments"], [new(l["Borrower"], 3), new(l["Principal"], 2, Figures: true), new(l["Service charge"], 2, Figures: true)],
                [.. s.Repayments.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Principal), Amount(x.Charge)], x.Corrected))],
                new PdfRow([l["Total"], Amount(repaid.Sum(x => x.Principal)), Amount(repaid.Sum(x => x.Charge))], Total: true));
            Section(l["Fines"], [new(l["Member"], 2), new(l["Amount"], 2, Figures: true), new(l["Reason"], 3)],
                [.. s.Fines.Select(x => new PdfRow([Who(x.FirstName, x.Corrected), Amount(x.Amount), x.Reason ?? ""], x.Corrected))]);
        }

        if (s.Other.Count > 0)
        {
            Section(l["Other entries"], [new(l["What"], 3), new(l["Member"], 2), new(l["Amount"], 2, Figures: true)],
                [.. s.Other.Select(x => new PdfRow([Who(SavingsNames.What(x, l), x.Corrected), x.FirstName ?? "", Amount(x.Amount)], x.Corrected))]);
        }
        return pdf.ToPdf(Footer(s.GroupName, l, culture, printedOn));
    }

    public static byte[] Passbook(Passbook b, IStringLocalizer<Text> l, CultureInfo culture, DateOnly printedOn)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(l);
        string Amount(long minor) => Money.Format(minor, b.Currency, culture);

        using var pdf = new PdfSheet($"{l["Passbook of {0}", b.FirstName]} · {b.GroupName}", culture);
        pdf.Title(l["Passbook of {0}", b.FirstName]);
        pdf.Text(b.GroupName, muted: true);

        pdf.Heading(l["This cycle"]);
        pdf.Figures([
            (l["Shares"], b.Shares.ToString("N0", culture)),
            (l["Savings"], Amount(b.Savings)),
            (l["Share price"], Amount(b.SharePrice)),
            (l["Can still borrow up to"], Amount(b.LoanLimit)),
            (l["Service charges paid"], Amount(b.ChargesPaid)),
            (l["Fines paid"], Amount(b.FinesPaid)),
            (l["Social fund paid in"], Amount(b.SocialFundPaidIn)),
            (l["Projected share-out"], Amount(b.ProjectedPayout)),
        ]);
        pdf.Text(l["The projected share-out is what you would receive if the cycle ended today and every loan were repaid."], muted: true);

        if (b.Loans.Count > 0)
        {
            pdf.Heading(l["Loans"]);
            pdf.Table([new(l["Borrowed on"], 2), new(l["Borrowed"], 2, Figures: true), new(l["Still owed"], 2, Figures: true),
                    new(l["Charge due"], 2, Figures: true), new(l["Due on"], 3)],
                [.. b.Loans.Select(x => new PdfRow([x.ApprovedOn.ToString("d", culture), Amount(x.Amount), Amount(x.Outstanding), Amount(x.ChargeDue),
                    x.DueOn.ToString("d", culture) + (x.IsLate ? " · " + l.Plural("late by {0} days", x.DaysLate) : "")
                        + (x.WrittenOff ? " · " + l["Loan written off"] : "")]))]);
        }

        pdf.Heading(l["Every entry"]);
        if (b.Lines.Count == 0)
        {
            pdf.Text(l["Nothing recorded yet this cycle."], muted: true);
        }
        else
        {
            // Oldest first, as a passbook is written (the page shows the newest first, for a phone).
            pdf.Table([new(l["Date"], 2), new(l["No."], 1, Figures: true), new(l["What"], 4), new(l["Amount"], 2, Figures: true), new(l["Shares"], 1, Figures: true)],
                [.. b.Lines.OrderBy(x => x.Date).Select(x => new PdfRow([
                    x.Date.ToString("d", culture),
                    x.MeetingNumber?.ToString(culture) ?? "",
                    SavingsNames.Of(x.Kind, l) + (!string.IsNullOrEmpty(x.Reason) && x.Kind is SavingsEntryKind.Fine or SavingsEntryKind.SocialFundPayout ? " · " + x.Reason : ""),
                    Amount(x.Amount),
                    x.Shares == 0 ? "" : x.Shares.ToString("N0", culture)], x.Reversed))]);
        }
        return pdf.ToPdf(Footer(b.GroupName, l, culture, printedOn));
    }

    private static Func<int, int, string> Footer(string group, IStringLocalizer<Text> l, CultureInfo culture, DateOnly printedOn) =>
        (page, pages) => $"{group} · {l["Printed on {0}", printedOn.ToString("d", culture)]} · {l["Page {0} of {1}", page, pages]}";

    /// <summary>e.g. mutua-savings-meeting-3-2026-11-04.pdf: what it is, which meeting, and its day, in the order files sort well.</summary>
    public static string MeetingFileName(MeetingSheet s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture, $"mutua-savings-meeting-{s.Number}-{s.Date:yyyy-MM-dd}.pdf");
    }

    /// <summary>e.g. mutua-passbook-keisha-2026-12-02.pdf: whose, and the day it was printed (a passbook changes at every meeting).</summary>
    public static string PassbookFileName(Passbook b, DateOnly printedOn)
    {
        ArgumentNullException.ThrowIfNull(b);
        return string.Create(CultureInfo.InvariantCulture, $"mutua-passbook-{Plain(b.FirstName)}-{printedOn:yyyy-MM-dd}.pdf");
    }

    /// <summary>A name as plain lower-case letters and digits for a file name ("Agnès" → "agnes"); "member" when none is left.</summary>
    private static string Plain(string name)
    {
        var letters = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) letters.Append(char.ToLowerInvariant(c));
            else if ((c == ' ' || c == '-') && letters.Length > 0 && letters[^1] != '-') letters.Append('-');
        }
        var plain = letters.ToString().Trim('-');
        return plain.Length == 0 ? "member" : plain;
    }
}
