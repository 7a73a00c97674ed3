using CsCheck;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Tests.Formats;

public class LatexCodecTests
{
    public static TheoryData<string, string> DecodeTable => new()
    {
        { "{\\\"o}", "ö" }, { "\\\"o", "ö" }, { "\\\"{o}", "ö" }, { "\\'{e}", "é" }, { "{\\'\\i}", "í" }, { "\\'\\i", "í" },
        { "\\c{c}", "ç" }, { "{\\c c}", "ç" }, { "\\v{s}", "š" }, { "\\u{g}", "ğ" }, { "\\H{o}", "ő" }, { "\\k{a}", "ą" },
        { "\\r{a}", "å" }, { "\\={a}", "ā" }, { "\\.{z}", "ż" }, { "\\~{n}", "ñ" }, { "\\^{o}", "ô" }, { "\\`{a}", "à" },
        { "\\^{\\d{e}}", "ệ" }, { "\\' E", "É" },
        { "\\ss", "ß" }, { "Stra\\ss e", "Straße" }, { "{\\o}", "ø" }, { "{\\O}", "Ø" }, { "{\\ae}", "æ" }, { "{\\AE}", "Æ" },
        { "{\\oe}", "œ" }, { "{\\l}", "ł" }, { "{\\L}", "Ł" }, { "{\\aa}", "å" }, { "{\\AA}", "Å" }, { "{\\i}", "ı" }, { "{\\j}", "ȷ" },
        { "\\& \\% \\$ \\# \\_ \\{ \\}", "& % $ # _ { }" },
        { "1805--1812---a", "1805–1812—a" }, { "a~b", "a\u00A0b" }, { "a\\textendash{}b\\textemdash{}c", "a–b—c" },
        { "it\\textquoteright{}s", "it’s" }, { "wait\\ldots", "wait…" }, { "``q''", "“q”" }, { "it's", "it's" },
        { "{DNA} and {{RNA}}", "DNA and RNA" }, { "\\emph{x} {\\em y} \\textbf{z}", "x y z" },
        { "\\noopsort{a}Zeta", "\\noopsort{a}Zeta" }, { "\\unknown x", "\\unknown x" },
        { "The $\\alpha$-helix and $x^{2}$", "The $\\alpha$-helix and $x^{2}$" },
        { "\\t{oo}", "o\u0361o" }, { "{\\t a}", "a\u0361" }, { "\\textcommabelow{s}", "ș" }, { "\\SS{}", "ẞ" },
        { "\\hwithstroke{} \\Hwithstroke{} \\IJ{}\\ij{}", "ħ Ħ Ĳĳ" }, { "5\\textdegree{}\\textcelsius{} \\texttimes{}\\textdiv{}", "5°℃ ×÷" },
        { "\\guillemetleft{}q\\guillemetright{} \\quotedblbase{}", "«q» „" }, { "\\textdollar{}1 \\textquotedbl{}", "$1 \"" },
        { "  a \n\t b  ", "a b" }, { "a\\ \\ b", "a  b" }, { "\\~{}", "~" }, { "\\char9{}", "\t" },
    };

    [Theory]
    [MemberData(nameof(DecodeTable))]
    public void Decode_Table_GivesUnicode(string latex, string text)
    {
        Assert.Equal(text, LatexDecoder.Decode(latex));
    }

    public static TheoryData<string, string> EncodeTable => new()
    {
        { "é", "{\\'e}" }, { "ß", "{\\ss}" }, { "&", "\\&" }, { "%", "\\%" }, { "$", "\\$" }, { "#", "\\#" }, { "_", "\\_" },
        { "~", "\\textasciitilde{}" }, { "–", "--" }, { "—", "---" }, { "ç", "{\\c{c}}" }, { "\\", "\\textbackslash{}" },
        { "{x}", "\\textbraceleft{}x\\textbraceright{}" }, { "a}", "a\\textbraceright{}" }, { "a--b", "a-{}-b" }, { "\u00A0", "~" }, { "100% pure", "100\\% pure" }, { "中文", "中文" },
    };

    [Theory]
    [MemberData(nameof(EncodeTable))]
    public void Encode_Table_GivesLatex(string text, string latex)
    {
        Assert.Equal(latex, LatexEncoder.Encode(text));
        Assert.Equal(text, LatexDecoder.Decode(latex));
    }

    // NFC; for text with lone surrogates (which the runtime refuses to normalise), NFC of the pieces between them.
    private static string Nfc(string s) => TextNormalizer.Nfc(s);

    [Fact]
    public void DecodeEncode_ArbitraryString_RoundTrips()
    {
        Gen.String.Sample(s => Assert.Equal(Nfc(s), LatexDecoder.Decode(LatexEncoder.Encode(s))), iter: 5000);
        var chars = Gen.OneOf(Gen.Char["{}\\%&$#_~^-`' \t\n\"@aZ9"], Gen.Char["éÉßøæœłıåÅçñüöő–—“”‘’…\u00A0\u00AD中文😀\u0301"], Gen.Char);
        chars.Array[0, 40].Select(a => new string(a)).Sample(s =>
        {
            var encoded = LatexEncoder.Encode(s);
            Assert.Equal(Nfc(s), LatexDecoder.Decode(encoded));
            var doc = BibtexDocument.Parse("@misc{k, title = {" + encoded + "}}");
            Assert.Empty(doc.Diagnostics);
            Assert.Equal(Nfc(s), doc.Entries[0]["title"]);
        }, iter: 20000);
    }

    // TextNormalizer's verdict and output must be the runtime's on the whole text. The alphabet is made of what composes,
    // reorders or decomposes: bases below U+0300 (U+02FF is the last, where TextNormalizer's shortcut ends), combining
    // marks with different classes (U+0316 below sorts before U+0301 above), precomposed letters, singletons (U+212B,
    // U+2126, U+0340), a composition exclusion (U+0958), Greek with tonos and dialytika, Hangul jamo that compose into
    // syllables, and characters that never change (€, α, 中).
    [Fact]
    public void Nfc_AroundCombiningMarks_AgreesWithTheRuntimeOnTheWholeText()
    {
        const string Alphabet = "aeAEnN o\u02FF\u00E9\u00C5\u0300\u0301\u0308\u0316\u0327\u0340\u0344\u0345\u212B\u2126\u0958\u093C\u0915"
            + "\u03B9\u03AC\u0391\u1F00\u1100\u1161\u11A8\uAC00\u20AC\u03B1\u4E2D";
        Gen.Char[Alphabet].Array[0, 24].Select(a => new string(a)).Sample(s =>
        {
            Assert.Equal(s.IsNormalized(System.Text.NormalizationForm.FormC), TextNormalizer.IsNfc(s));
            Assert.Equal(s.Normalize(System.Text.NormalizationForm.FormC), TextNormalizer.Nfc(s));
            Assert.Equal(s.Normalize(System.Text.NormalizationForm.FormC), TextNormalizer.Nfc(s.AsSpan()));
        }, iter: 50000);
    }

    [Fact]
    public void Nfc_ManyStretches_AgreesWithTheRuntime()
    {
        // Many accented letters and symbols between plain text, one of them decomposed.
        var text = string.Concat(Enumerable.Repeat("a\u0301 b\u20AC ", 20)) + "e\u0301";
        Assert.False(TextNormalizer.IsNfc(text));
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), TextNormalizer.Nfc(text));
        var composed = text.Normalize(System.Text.NormalizationForm.FormC);
        Assert.True(TextNormalizer.IsNfc(composed));
        Assert.Same(composed, TextNormalizer.Nfc(composed));
    }
}
