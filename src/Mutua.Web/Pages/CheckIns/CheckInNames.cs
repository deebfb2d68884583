// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using Microsoft.Extensions.Localization;
using Mutua.Core.CheckIns;

namespace Mutua.Web.Pages.CheckIns;

/// <summary>The check-in's categories in the person's language.</summary>
public static class CheckInNames
{
    public static string Of(IncomeSource s, IStringLocalizer<Text> l) => s switch
    {
        IncomeSource.Job => l["Job or wages"],
        IncomeSource.OwnBusiness => l["Own business"],
        IncomeSource.Benefits => l["Benefits"],
        IncomeSource.GiftsOrRemittances => l["Gifts or money from family"],
        IncomeSource.Other => l["Other income"],
    };

    public static string Of(HelpKind k, IStringLocalizer<Text> l) => k switch
    {
        HelpKind.Childcare => l["Childcare"],
        HelpKind.Transport => l["Transport"],
        HelpKind.Money => l["Money lent or given"],
        HelpKind.Food => l["Food"],
        HelpKind.SkillOrAdvice => l["A skill or advice"],
        HelpKind.JobLead => l["A job lead"],
        HelpKind.Housing => l["Housing"],
        HelpKind.Other => l["Other help"],
    };

    public static string Of(NeedCategory c, IStringLocalizer<Text> l) => c switch
    {
        NeedCategory.Childcare => l["Childcare"],
        NeedCategory.Transport => l["Transport"],
        NeedCategory.ToolsOrEquipment => l["Tools or equipment"],
        NeedCategory.Training => l["Training"],
        NeedCategory.BusinessCapital => l["Capital for a business"],
        NeedCategory.HousingRepair => l["Housing repair"],
        NeedCategory.HealthCare => l["Health care"],
        NeedCategory.SchoolCosts => l["School costs"],
        NeedCategory.LegalHelp => l["Legal help"],
        NeedCategory.Food => l["Food"],
        NeedCategory.Other => l["Something else"],
    };

    public static string Of(HousingSituation h, IStringLocalizer<Text> l) => h switch
    {
        HousingSituation.Owned => l["Our own home"],
        HousingSituation.Rented => l["Renting"],
        HousingSituation.WithFamily => l["Living with family or friends"],
        HousingSituation.Informal => l["Informal or temporary housing"],
        HousingSituation.Homeless => l["No stable home"],
        HousingSituation.Other => l["Other housing"],
    };

    /// <summary>One part (a single flag); combinations are named part by part.</summary>
    public static string Of(SharedParts p, IStringLocalizer<Text> l) => p switch
    {
        SharedParts.Goals => l["Goals"],
        SharedParts.NeedsAndWants => l["Needs and wants"],
        SharedParts.Income => l["Income"],
        SharedParts.Savings => l["Savings and debts"],
        SharedParts.Health => l["Health"],
        SharedParts.Education => l["Education and skills"],
        SharedParts.Housing => l["Housing"],
        SharedParts.Leadership => l["Leadership"],
        SharedParts.Connections => l["Help given and received"],
        SharedParts.WhatsNew => l["What's new"],
        SharedParts.None => throw new ArgumentOutOfRangeException(nameof(p), "One part at a time: None is not a part."),
    };
}
