namespace Territories.IO.Map;

/// <summary>
/// The fixed parts of the HTML sales map: style, markup, error trap and the drawing script, kept as
/// files beside this class (<c>sales-map.css</c>, <c>sales-map-body.html</c>, <c>sales-map-errors.js</c>,
/// <c>sales-map.js</c>) and embedded in the assembly.
/// </summary>
/// <remarks>
/// The script is plain ES2017 for current Chromium and Firefox, uses no library and makes no request.
/// Every text from the data reaches the page through <c>textContent</c> or attributes set with
/// <c>setAttribute</c>, never as markup.
/// </remarks>
internal static class SalesMapPage
{
    /// <summary>The page's style sheet.</summary>
    public static readonly string Style = Resource("sales-map.css");

    /// <summary>Catches script errors for the status element, before any other script runs.</summary>
    public static readonly string ErrorTrap = Resource("sales-map-errors.js");

    /// <summary>The page's markup; <c>{{TITLE}}</c> is replaced by the HTML-encoded title.</summary>
    public static readonly string Body = Resource("sales-map-body.html");

    /// <summary>The drawing script.</summary>
    public static readonly string Script = Resource("sales-map.js");

    private static string Resource(string name)
    {
        var logicalName = "Territories.IO.Map." + name;
        using var stream = typeof(SalesMapPage).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The resource {logicalName} is missing from {typeof(SalesMapPage).Assembly.GetName().Name}: the build did not embed it.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
