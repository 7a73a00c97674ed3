using System.Text;

namespace ScholarlyRecord.Tests.Support;

/// <summary>The sample fixture files, copied next to the test binaries.</summary>
public static class Fixtures
{
    /// <summary>The folder holding samples/fixtures in the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>The Haslam chapter's JSON text, exactly as committed.</summary>
    public static string HaslamJson => File.ReadAllText(Path.Combine(Folder, "haslam-1992-conclusions.json"), Encoding.UTF8);

    /// <summary>The Springer page text the fixture comes from.</summary>
    public static string SpringerPage => File.ReadAllText(Path.Combine(Folder, "springer-chapter-page.txt"), Encoding.UTF8);

    /// <summary>A file under TestData, by relative path.</summary>
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
