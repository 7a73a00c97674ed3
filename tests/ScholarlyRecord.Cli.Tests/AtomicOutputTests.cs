using System.Text;
using ScholarlyRecord.Cli;
using ScholarlyRecord.Cli.Tests.Support;
using ScholarlyRecord.Formats;
using Xunit;

namespace ScholarlyRecord.Cli.Tests;

/// <summary>
/// <c>-o</c> is written atomically: a temporary file beside the target, renamed over it only when the run has written
/// everything. A run that fails part-way leaves a file that was already there as it was, and no temporary file.
/// </summary>
public class AtomicOutputTests
{
    [Fact]
    public async Task Convert_ReplacesTheOutputFileAndLeavesNoTemporaryFile()
    {
        using var temp = new TestFiles.TempFolder();
        var output = temp.File("haslam.ris", "an older export\n");

        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "-o", output], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ris.Write([Library.Haslam]), File.ReadAllText(output, Encoding.UTF8));
        Assert.Equal(["haslam.ris"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Convert_ThatFailsReadingPartWay_LeavesThePreviousFileIntactAndNoTemporaryFile()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /proc/self/mem, an input Linux refuses to read (EIO) after it opens");
        using var temp = new TestFiles.TempFolder();
        var output = temp.File("refs.ris", "the previous run's output\n");

        // The input opens, then its first read fails with an I/O error: the output file has been started by then.
        var result = await Scholarly.RunAsync(["convert", "/proc/self/mem", "--from", "ris", "-o", output], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("the previous run's output\n", File.ReadAllText(output, Encoding.UTF8));
        Assert.Equal(["refs.ris"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicOutputFile_DisposedWithoutCommit_DeletesItsTemporaryFileAndLeavesTheTarget()
    {
        using var temp = new TestFiles.TempFolder();
        var target = temp.File("out.bib", "kept\n");
        string temporary;

        using (var file = new AtomicOutputFile(target))
        {
            temporary = file.TemporaryPath;
            file.Write("half a record"u8);
            Assert.True(File.Exists(temporary));
        }

        Assert.False(File.Exists(temporary));
        Assert.Equal("kept\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task AtomicOutputFile_Committed_TakesTheTargetsPlace()
    {
        using var temp = new TestFiles.TempFolder();
        var target = Path.Combine(temp.Path, "new.bib");

        await using (var file = new AtomicOutputFile(target))
        {
            await file.WriteAsync("@book{a, title={T}}\n"u8.ToArray(), Scholarly.Token);
            file.Commit();
        }

        Assert.Equal("@book{a, title={T}}\n", File.ReadAllText(target));
        Assert.Equal(["new.bib"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Convert_ToDevNull_WritesInPlaceAndLeavesTheDeviceAlone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/null");

        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "--to", "ris", "-o", "/dev/null"], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Directory.GetFiles("/dev", ".null.*.tmp"));
        Assert.Equal(0, new FileInfo("/dev/null").Length);
    }

    [Fact]
    public async Task Convert_ThroughASymbolicLink_ReplacesTheFileItNamesAndKeepsTheLink()
    {
        Assert.SkipUnless(!OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var temp = new TestFiles.TempFolder();
        var real = temp.File("real.ris", "old\n");
        var link = Path.Combine(temp.Path, "link.ris");
        File.CreateSymbolicLink(link, real);

        var result = await Scholarly.RunAsync(["convert", TestFiles.Haslam, "-o", link], cancellationToken: Scholarly.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(Ris.Write([Library.Haslam]), File.ReadAllText(real, Encoding.UTF8));
    }
}
