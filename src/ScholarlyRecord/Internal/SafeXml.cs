using System.Xml;

namespace ScholarlyRecord.Internal;

/// <summary>
/// The one factory for every <see cref="XmlReader"/> the library creates over input it did not write. The settings
/// refuse document type declarations outright (so no entity expansion, billion-laughs or external entity can happen),
/// resolve nothing, and cap the size of the document and of any entity text.
/// </summary>
/// <remarks>
/// Never parse untrusted XML with <c>XmlDocument.LoadXml</c>, <c>XDocument.Parse</c> or <c>XmlReader.Create</c> with
/// default settings elsewhere in the library: go through this class.
/// </remarks>
internal static class SafeXml
{
    /// <summary>The most characters a document may hold (4 Mi characters, far above any real abstract).</summary>
    internal const long MaxCharactersInDocument = 4L * 1024 * 1024;

    /// <summary>The most characters entity references may expand to (only the five predefined ones exist here).</summary>
    internal const long MaxCharactersFromEntities = 1024;

    /// <summary>The namespace JATS 1.x elements live in; Crossref's <c>jats:</c> prefix is bound to it.</summary>
    internal const string JatsNamespace = "http://www.ncbi.nlm.nih.gov/JATS1";

    /// <summary>The MathML namespace, bound to <c>mml:</c>.</summary>
    internal const string MathMLNamespace = "http://www.w3.org/1998/Math/MathML";

    /// <summary>The XLink namespace, bound to <c>xlink:</c>.</summary>
    internal const string XLinkNamespace = "http://www.w3.org/1999/xlink";

    /// <summary>Creates the settings every reader uses.</summary>
    /// <param name="conformance">Document for a whole XML file; Fragment for a bare sequence of elements.</param>
    internal static XmlReaderSettings CreateSettings(ConformanceLevel conformance) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = MaxCharactersInDocument,
        ConformanceLevel = conformance,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Creates a reader over a whole XML document.</summary>
    /// <param name="text">The document.</param>
    internal static XmlReader CreateReader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return XmlReader.Create(new StringReader(text), CreateSettings(ConformanceLevel.Document));
    }

    /// <summary>
    /// Creates a reader over an XML fragment (no root element, several top-level elements, bare text) in which the
    /// <c>jats</c>, <c>mml</c> and <c>xlink</c> prefixes are bound without being declared, as Crossref's abstracts
    /// use them.
    /// </summary>
    /// <param name="text">The fragment.</param>
    internal static XmlReader CreateJatsFragmentReader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        namespaces.AddNamespace("jats", JatsNamespace);
        namespaces.AddNamespace("mml", MathMLNamespace);
        namespaces.AddNamespace("xlink", XLinkNamespace);
        var context = new XmlParserContext(names, namespaces, null, XmlSpace.None);
        return XmlReader.Create(new StringReader(text), CreateSettings(ConformanceLevel.Fragment), context);
    }
}
