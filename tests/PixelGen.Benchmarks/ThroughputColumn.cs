using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PixelGen.Benchmarks;

/// <summary>MB/s (10^6 bytes per second) of decoded output, from the mean time and a per-case byte count.</summary>
public sealed class ThroughputColumn(Func<BenchmarkCase, long> bytesPerOperation) : IColumn
{
    public string Id => "Throughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Decoded megabytes (10^6 bytes) per second";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var mean = report?.ResultStatistics?.Mean;
        if (mean is null || mean <= 0) return "-";
        double seconds = mean.Value / 1e9;
        return (bytesPerOperation(benchmarkCase) / seconds / 1e6).ToString("N0");
    }
}

/// <summary>Throughput relative to the baseline (memcpy) of the same parameter group: baseline mean / this mean.</summary>
public sealed class SpeedVsBaselineColumn : IColumn
{
    public string Id => "SpeedVsBaseline";
    public string ColumnName => "x memcpy";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Throughput as a fraction of memcpy of the same bytes (higher is better)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baseMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        if (mean is null || baseMean is null || mean <= 0) return "-";
        return (baseMean.Value / mean.Value).ToString("F2");
    }
}
