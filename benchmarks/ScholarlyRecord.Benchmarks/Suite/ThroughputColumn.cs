using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ScholarlyRecord.Benchmarks.Suite;

/// <summary>
/// A benchmark class that can say how many bytes one invocation of a benchmark processes: the input it reads, or the
/// output it writes. The host calls it (a fresh instance, no setup) to fill the MB/s column.
/// </summary>
public interface IThroughput
{
    long BytesPerOperation(string method, string? parameter);

    /// <summary>Records one invocation reads or writes (for the per-record allocation column); 0 when not counted.</summary>
    int RecordsPerOperation(string method, string? parameter) => 0;
}

/// <summary>Bytes allocated per record: MemoryDiagnoser's allocated bytes per operation / records per operation.</summary>
public sealed class AllocatedPerRecordColumn : IColumn
{
    public string Id => nameof(AllocatedPerRecordColumn);
    public string ColumnName => "Alloc/record";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Managed bytes allocated per record read or written (Allocated / records per operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null || report.GcStats.TotalOperations == 0) return "-";
        if (Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IThroughput source) return "-";
        var items = benchmarkCase.Parameters.Items;
        var parameter = items.Count > 0 ? items[0].Value?.ToString() : null;
        var records = source.RecordsPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name, parameter);
        if (records <= 0 || report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is not { } bytes) return "-";
        return (bytes / (double)records).ToString("N0", CultureInfo.InvariantCulture) + " B";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public override string ToString() => ColumnName;
}

/// <summary>MB/s (10^6 bytes per second) = bytes per operation / mean time per operation.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Throughput: bytes processed per operation (input read or output written) / Mean, in 10^6 bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        if (Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IThroughput source) return "-";
        var items = benchmarkCase.Parameters.Items;
        var parameter = items.Count > 0 ? items[0].Value?.ToString() : null;
        var bytes = source.BytesPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name, parameter);
        if (bytes <= 0) return "-";
        var seconds = stats.Mean / 1e9;
        return (bytes / seconds / 1e6).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public override string ToString() => ColumnName;
}
