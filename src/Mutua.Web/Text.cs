namespace Mutua.Web;

/// <summary>
/// The one resource behind every user-visible string: Resources/Text.{culture}.resx, keyed by the
/// English sentence. Tests fail when a key lacks a translation in any of the five languages.
/// </summary>
public sealed class Text;
