using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ScholarlyRecord.Formats;
using ScholarlyRecord.Tests.Support;
using Xunit;

namespace ScholarlyRecord.Tests.FormatShape;

/// <summary>
/// The one shape of a format (docs/api-design.md): every registry format's front door has the read set and the write set
/// with its own options records, checks its arguments at the call, and its sync and async twins agree.
/// </summary>
public sealed partial class FormatShapeTests
{
    private static readonly Assembly Library = typeof(RecordFormat).Assembly;

    // The static class whose Format (or BiblatexFormat / LinesFormat) property is the registry entry.
    private static Type FrontDoor(RecordFormat format) =>
        Library.GetExportedTypes().Single(t => t.IsAbstract && t.IsSealed && t.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Any(p => p.PropertyType == typeof(RecordFormat) && ReferenceEquals(p.GetValue(null), format)));

    public static TheoryData<string> Formats() => [.. RecordFormats.All.Select(f => f.Name)];

    private static RecordFormat Find(string name) => RecordFormats.FindByName(name)!;

    private static string Prefix(Type door) => door.Name;

    [Theory]
    [MemberData(nameof(Formats))]
    public void FrontDoor_HasTheReadAndWriteSetsWithItsOwnOptions(string name)
    {
        var format = Find(name);
        var door = FrontDoor(format);
        var f = Prefix(door);
        var methods = door.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name is "Read" or "ReadRecords" or "ReadRecordsAsync" or "Write" or "WriteAsync").ToList();
        var expected = new List<string>();
        if (format.CanRead)
        {
            var options = Options(f + "ReadOptions");
            var o = options.Name;
            expected.AddRange([
                $"ReadResult Read(String, {o})", $"ReadResult Read(TextReader, {o})", $"ReadResult Read(Stream, {o})",
                $"IEnumerable`1 ReadRecords(TextReader, {o})", $"IEnumerable`1 ReadRecords(Stream, {o})",
                $"IAsyncEnumerable`1 ReadRecordsAsync(TextReader, {o}, CancellationToken)", $"IAsyncEnumerable`1 ReadRecordsAsync(Stream, {o}, CancellationToken)"]);
            Assert.NotNull(Library.GetType("ScholarlyRecord.Formats." + f + "Codes"));
        }
        if (format.CanWrite)
        {
            var o = Options(f + "WriteOptions").Name;
            expected.AddRange([
                $"String Write(Chapter, {o})", $"String Write(IEnumerable`1, {o})", $"WriteResult Write(IEnumerable`1, TextWriter, {o})",
                $"WriteResult Write(IEnumerable`1, Stream, {o})", $"Task`1 WriteAsync(IAsyncEnumerable`1, TextWriter, {o}, CancellationToken)",
                $"Task`1 WriteAsync(IAsyncEnumerable`1, Stream, {o}, CancellationToken)"]);
        }
        var actual = methods.Select(m => $"{m.ReturnType.Name} {m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})").Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
        // Options and the token are trailing optional parameters.
        Assert.All(methods, m => Assert.All(m.GetParameters().Where(p => p.ParameterType.Name.EndsWith("Options", StringComparison.Ordinal) || p.ParameterType == typeof(CancellationToken)), p => Assert.True(p.IsOptional, $"{m}: {p.Name}")));
    }

    // An options record: sealed, a static Default, only init-only setters.
    private static Type Options(string name)
    {
        var type = Library.GetType("ScholarlyRecord.Formats." + name);
        Assert.True(type is not null, name + " is missing");
        Assert.True(type.IsSealed, name);
        Assert.Same(type, type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.PropertyType);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var setter = property.SetMethod;
            Assert.True(setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{name}.{property.Name} is not init-only");
        }
        return type;
    }

    [Fact]
    public void DocumentAndMappingLayers_AreNamedTheSameWay()
    {
        // §2.4: <F>Document.Parse/ParseAsync and <F>Mapping.ToChapter(unit) -> RecordResult where the format has a
        // document layer; Crossref and schema.org have none, their unit is a JsonElement.
        foreach (var (f, unit) in new[] { ("Bibtex", typeof(BibtexEntry)), ("Ris", typeof(RisRecord)), ("CslJson", typeof(CslItem)), ("Endnote", typeof(EndnoteRecord)) })
        {
            var document = Library.GetType($"ScholarlyRecord.Formats.{f}Document")!;
            Assert.Equal(3, document.GetMethods(BindingFlags.Public | BindingFlags.Static).Count(m => m.Name == "Parse"));
            Assert.Equal(2, document.GetMethods(BindingFlags.Public | BindingFlags.Static).Count(m => m.Name == "ParseAsync"));
            AssertToChapter(f, unit);
        }
        AssertToChapter("Crossref", typeof(System.Text.Json.JsonElement));
        AssertToChapter("SchemaOrg", typeof(System.Text.Json.JsonElement));
        Assert.Equal(typeof(CslItem), typeof(CslJsonMapping).GetMethod("ToItem")!.ReturnType);
        Assert.Equal(typeof(RisRecord), typeof(RisMapping).GetMethod("ToRecord")!.ReturnType);
        Assert.Equal(typeof(BibtexEntry), typeof(BibtexMapping).GetMethod("ToEntry")!.ReturnType);
        Assert.NotNull(typeof(SchemaOrgMapping).GetMethod("WriteNode"));
    }

    private static void AssertToChapter(string format, Type unit)
    {
        var mapping = Library.GetType($"ScholarlyRecord.Formats.{format}Mapping");
        Assert.True(mapping is { IsAbstract: true, IsSealed: true }, $"{format}Mapping is a public static class");
        var toChapter = mapping.GetMethod("ToChapter", [unit]);
        Assert.True(toChapter is not null, $"{format}Mapping.ToChapter({unit.Name})");
        Assert.Equal(typeof(RecordResult), toChapter.ReturnType);
    }

    [GeneratedRegex("^[a-z0-9.-]+$")]
    private static partial Regex NamePattern();

    [Fact]
    public void Registry_NamesAndAliasesAreUniqueAndTodaysNamesResolve()
    {
        var names = RecordFormats.All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches(NamePattern(), n));
        foreach (var name in new[] { "json", "jsonl", "csljson", "bibtex", "biblatex", "ris", "schemaorg", "crossref" }) Assert.NotNull(RecordFormats.FindByName(name));
        foreach (var door in new[] { Bibtex.Format, Bibtex.BiblatexFormat, Ris.Format, CslJson.Format, Crossref.Format, SchemaOrg.Format, Highwire.Format, ScholarlyJson.Format, ScholarlyJson.LinesFormat })
        {
            Assert.Contains(door, RecordFormats.All);
            Assert.Equal(door.Name, door.ToString());
        }
        Assert.Equal(["bib"], Bibtex.Format.Aliases);
        Assert.False(Crossref.Format.StreamsRecords || SchemaOrg.Format.StreamsRecords || ScholarlyJson.Format.StreamsRecords);
        Assert.True(Bibtex.Format.StreamsRecords && Ris.Format.StreamsRecords && CslJson.Format.StreamsRecords && ScholarlyJson.LinesFormat.StreamsRecords);
        // docs/cli.md lists every name and alias.
        var cli = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "cli.md"));
        Assert.All(names, n => Assert.Contains($"`{n}`", cli, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_DefaultsAreTheDocumentedOnes()
    {
        Assert.Equal(BibtexReader.MaxBlockLength, BibtexReadOptions.Default.MaxBlockLength);
        Assert.Equal((BibtexDialect.Bibtex, LineEnding.Lf, "  "), (BibtexWriteOptions.Default.Dialect, BibtexWriteOptions.Default.NewLine, BibtexWriteOptions.Default.Indent));
        Assert.Equal(LineEnding.CrLf, RisWriteOptions.Default.NewLine);
        Assert.Equal(LineEnding.Lf, HighwireWriteOptions.Default.NewLine);
        Assert.Equal((ScholarlyJsonLayout.Document, 16 * 1024 * 1024), (ScholarlyJsonReadOptions.Default.Layout, ScholarlyJsonReadOptions.Default.MaxLineBytes));
        Assert.Equal(ScholarlyJsonLayout.Document, ScholarlyJsonWriteOptions.Default.Layout);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BibtexReadOptions { MaxBlockLength = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RisWriteOptions { NewLine = (LineEnding)7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScholarlyJsonReadOptions { MaxLineBytes = 0 });

        // The resource limits (docs/formats.md, "Limits"); ReadLimitsTests checks what each one does.
        Assert.Equal((64, 10_000), (CslJsonReadOptions.Default.MaxDepth, CslJsonReadOptions.Default.MaxNames));
        Assert.Equal((64, 10_000), (CrossrefReadOptions.Default.MaxDepth, CrossrefReadOptions.Default.MaxNames));
        Assert.Equal((128, 10_000), (SchemaOrgReadOptions.Default.MaxDepth, SchemaOrgReadOptions.Default.MaxNames));
        Assert.Equal((64, 10_000), (ScholarlyJsonReadOptions.Default.MaxDepth, ScholarlyJsonReadOptions.Default.MaxNames));
        Assert.Equal((1 << 20, 16 << 20, 10_000), (RisReadOptions.Default.MaxLineLength, RisReadOptions.Default.MaxRecordLength, RisReadOptions.Default.MaxNames));
        Assert.Equal((1 << 20, 16 << 20, 10_000), (EndnoteReadOptions.Default.MaxLineLength, EndnoteReadOptions.Default.MaxRecordLength, EndnoteReadOptions.Default.MaxNames));
        Assert.Equal((1024, 10_000), (BibtexReadOptions.Default.MaxBraceDepth, BibtexReadOptions.Default.MaxNames));
    }

    // Every public member of the front doors, RecordFormat, the documents, the readers and the mappings that takes a
    // reference: a null throws ArgumentNullException at the call, before anything is enumerated or awaited.
    [Fact]
    public void PublicMembers_NullArgument_ThrowsAtTheCall()
    {
        var types = RecordFormats.All.Select(FrontDoor).Distinct()
            .Concat([typeof(RecordFormat), typeof(BibtexDocument), typeof(RisDocument), typeof(BibtexReader), typeof(RisReader), typeof(BibtexMapping), typeof(RisMapping), typeof(ReadResult),
                typeof(CslJsonMapping), typeof(CrossrefMapping), typeof(SchemaOrgMapping), typeof(CslJsonDocument)])
            .ToList();
        var nullability = new NullabilityInfoContext();
        var checkedCount = 0;
        foreach (var type in types)
        {
            var members = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.DeclaringType == type && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "<Clone>$"))
                .Cast<MethodBase>()
                .Concat(type.GetConstructors());
            foreach (var member in members)
            {
                var parameters = member.GetParameters();
                for (var i = 0; i < parameters.Length; i++)
                {
                    if (parameters[i].ParameterType.IsValueType || parameters[i].ParameterType.IsByRef || nullability.Create(parameters[i]).WriteState == NullabilityState.Nullable) continue;
                    var args = parameters.Select((p, j) => j == i ? null : Sample(p.ParameterType)).ToArray();
                    object? target = member.IsStatic || member is ConstructorInfo ? null : Instance(type);
                    var thrown = Record.Exception(() => member is ConstructorInfo c ? c.Invoke(args) : member.Invoke(target, args));
                    var inner = (thrown as TargetInvocationException)?.InnerException ?? thrown;
                    Assert.True(inner is ArgumentNullException, $"{type.Name}.{member.Name}({parameters[i].Name}: null) gave {inner?.GetType().Name ?? "no exception"}");
                    checkedCount++;
                }
            }
        }
        Assert.True(checkedCount > 100, checkedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static object? Instance(Type type) =>
        type == typeof(RecordFormat) ? Bibtex.Format
        : type == typeof(BibtexDocument) ? BibtexDocument.Parse("@book{b, title={B}}")
        : type == typeof(RisDocument) ? RisDocument.Parse("TY  - CHAP\r\nER  - \r\n")
        : type == typeof(BibtexReader) ? new BibtexReader(new StringReader(""))
        : type == typeof(RisReader) ? new RisReader(new StringReader(""))
        : null;

    private static object? Sample(Type type)
    {
        if (type == typeof(string)) return "";
        if (type == typeof(TextReader)) return new StringReader("");
        if (type == typeof(Stream)) return new MemoryStream();
        if (type == typeof(TextWriter)) return new StringWriter();
        if (type == typeof(Chapter)) return new Chapter { Title = "t" };
        if (type == typeof(IEnumerable<Chapter>)) return Array.Empty<Chapter>();
        if (type == typeof(IAsyncEnumerable<Chapter>)) return AsyncEnumerable.Empty<Chapter>();
        if (type == typeof(IEnumerable<RecordResult>)) return Array.Empty<RecordResult>();
        if (type == typeof(IAsyncEnumerable<RecordResult>)) return AsyncEnumerable.Empty<RecordResult>();
        if (type == typeof(BibtexEntry)) return BibtexDocument.Parse("@book{b, title={B}}").Entries[0];
        if (type == typeof(BibtexDocument)) return BibtexDocument.Parse("");
        if (type == typeof(RisRecord)) return new RisRecord("CHAP", []);
        if (type == typeof(IEnumerable<RisRecord>)) return Array.Empty<RisRecord>();
        if (type == typeof(IEnumerable<Diagnostic>)) return Array.Empty<Diagnostic>();
        if (type == typeof(CslItem)) return new CslItem("i", "chapter", new Dictionary<string, System.Text.Json.JsonElement>());
        if (type == typeof(System.Text.Json.Utf8JsonWriter)) return new System.Text.Json.Utf8JsonWriter(new MemoryStream());
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type.IsValueType) return Activator.CreateInstance(type);
        return null;
    }

    public static TheoryData<string> Writable() => [.. RecordFormats.All.Where(f => f.CanWrite).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Writable))]
    public async Task WriteAndWriteAsync_GiveTheSameBytes(string name)
    {
        var format = Find(name);
        var haslam = ScholarlyJson.Deserialize(Fixtures.HaslamJson);
        List<Chapter> chapters = [haslam, haslam with { Title = "Second" }, new Chapter { Title = "" }, haslam with { Title = "Third" }];
        using var sync = new MemoryStream();
        var written = format.Write(chapters, sync);
        using var async = new MemoryStream();
        var writtenAsync = await format.WriteAsync(chapters.ToAsyncEnumerable(), async, TestContext.Current.CancellationToken);
        Assert.Equal(sync.ToArray(), async.ToArray());
        Assert.Equal(written.Written, writtenAsync.Written);
        Assert.Equal(written.Diagnostics, writtenAsync.Diagnostics);
        using var text = new StringWriter();
        format.Write(chapters, text);
        Assert.Equal(Encoding.UTF8.GetString(sync.ToArray()), text.ToString());
    }

    public static TheoryData<string, string> RealFiles()
    {
        var data = new TheoryData<string, string>();
        var formats = new Dictionary<string, string> { ["bibtex"] = "bibtex", ["ris"] = "ris", ["csl"] = "csl-json", ["crossref"] = "crossref" };
        foreach (var file in Directory.EnumerateFiles(Fixtures.TestData("real"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (formats.TryGetValue(folder, out var format)) data.Add(Path.GetRelativePath(Fixtures.TestData("real"), file), format);
        }
        return data;
    }

    // §8.5, generic part: for every readable registry format over the real files, Read(text) equals Collect(ReadRecords)
    // over a reader and over the bytes, and ReadRecords equals ReadRecordsAsync record by record.
    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task ReadPaths_AgreeOnRealFiles(string file, string name)
    {
        var format = Find(name);
        var bytes = File.ReadAllBytes(Fixtures.TestData("real", file));
        var text = File.ReadAllText(Fixtures.TestData("real", file));
        var whole = format.Read(text);
        var records = format.ReadRecords(new MemoryStream(bytes)).ToList();
        var asyncRecords = new List<RecordResult>();
        await foreach (var record in format.ReadRecordsAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken)) asyncRecords.Add(record);
        Assert.Equal(records.Count, asyncRecords.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i].Record, asyncRecords[i].Record);
            Assert.Equal(records[i].Chapter, asyncRecords[i].Chapter);
            Assert.Equal(records[i].Diagnostics, asyncRecords[i].Diagnostics);
        }
        var collected = ReadResult.Collect(records);
        Assert.Equal(whole.Chapters, collected.Chapters);
        Assert.Equal(whole.Diagnostics, collected.Diagnostics);
        var fromReader = format.Read(new StringReader(text));
        Assert.Equal(whole.Chapters, fromReader.Chapters);
        Assert.Equal(whole.Diagnostics, fromReader.Diagnostics);
    }
}
