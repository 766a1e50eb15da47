namespace Territories.IO.Map;

/// <summary>Options of <see cref="SalesMapHtmlWriter"/>.</summary>
/// <remarks>Mutable until a writer is built from it; the writer validates and copies it then.</remarks>
public sealed class SalesMapHtmlOptions
{
    /// <summary>The page title and heading; "Sales map" by default.</summary>
    public string Title { get; set; } = "Sales map";

    /// <summary>
    /// The 0-based cycle day whose routes show when the page opens; null (the default) for the first
    /// day that has routes. A day without routes falls back to that first day too. The reader can
    /// also open another day with the address fragment <c>#day=N</c>.
    /// </summary>
    public int? InitialDay { get; set; }

    /// <summary>Whether account markers are drawn (they are always in the legend's counts); true by default.</summary>
    public bool ShowAccounts { get; set; } = true;
}
