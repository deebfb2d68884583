namespace Mutua.Web;

/// <summary>
/// The one localizer type behind every user-visible string (<c>IStringLocalizer&lt;Text&gt;</c>), keyed by
/// the English sentence. The strings live in one set of files per feature area, each with its four
/// translations: Resources/{Area}.resx, {Area}.es.resx, {Area}.fr.resx, {Area}.sw.resx, {Area}.rw.resx,
/// for Accounts, Admin, CheckIns, Communities (groups and households too), Insights, Network and
/// Projects; Resources/Text.resx holds what several areas (or the layout, the shared pages and
/// infrastructure) use. A key lives in exactly one set; <see cref="Infrastructure.TextLocalizer"/>
/// finds it in whichever holds it. A new string goes in the set of the only area that uses it, else in
/// Text.resx.
/// <para>
/// A string that shows a count is asked for with <c>L.Plural("{0} supporters", n)</c> (see
/// <see cref="Plurals"/>) and has one entry per CLDR plural category of the language, named with a
/// suffix: <c>{0} supporters|one</c> and <c>{0} supporters|other</c> in English, Swahili and
/// Kinyarwanda, plus <c>{0} supporters|many</c> in Spanish and French. English's other form is the
/// key itself. Tests fail when a key or a form is missing in any language, or lives in two sets.
/// </para>
/// </summary>
public sealed class Text;
