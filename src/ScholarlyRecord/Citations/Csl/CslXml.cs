using System.Xml;

namespace ScholarlyRecord.Citations;

/// <summary>Reads CSL XML (styles and locales) into <see cref="CslNode"/> trees with a safe reader.</summary>
internal static class CslXml
{
    public const string Namespace = "http://purl.org/net/xbiblio/csl";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 64L * 1024 * 1024,
    };

    public static CslNode Read(TextReader text, string what)
    {
        try
        {
            using var prolog = new CslXmlProlog(text);
            using var reader = XmlReader.Create(prolog, Settings);
            var info = (IXmlLineInfo)reader;
            var stack = new Stack<CslNode>();
            CslNode? root = null;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        {
                            int line = info.LineNumber, column = info.LinePosition;
                            Dictionary<string, string>? attributes = null;
                            if (reader.HasAttributes)
                            {
                                attributes = new Dictionary<string, string>(reader.AttributeCount, StringComparer.Ordinal);
                                while (reader.MoveToNextAttribute())
                                {
                                    if (reader.Prefix.Length == 0 && reader.LocalName != "xmlns")
                                    {
                                        attributes[reader.LocalName] = reader.Value;
                                    }
                                    else if (reader.Prefix == "xml" && reader.LocalName == "lang")
                                    {
                                        attributes["xml:lang"] = reader.Value;
                                    }
                                }

                                reader.MoveToElement();
                            }

                            var node = new CslNode(reader.LocalName, attributes, line, column);
                            if (stack.Count == 0)
                            {
                                root = node;
                            }
                            else
                            {
                                stack.Peek().Children.Add(node);
                            }

                            if (!reader.IsEmptyElement)
                            {
                                stack.Push(node);
                            }

                            break;
                        }

                    case XmlNodeType.EndElement:
                        stack.Pop();
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.Whitespace:
                        if (stack.Count > 0)
                        {
                            stack.Peek().Text += reader.Value;
                        }

                        break;
                }
            }

            return root ?? throw new CslStyleException(CitationCodes.MalformedStyle, $"The {what} has no root element; expected <{what}>.", 1, 1);
        }
        catch (XmlException exception)
        {
            throw new CslStyleException(CitationCodes.MalformedStyle, $"The {what} is not well-formed XML: {exception.Message}", exception.LineNumber, exception.LinePosition, exception);
        }
    }
}
