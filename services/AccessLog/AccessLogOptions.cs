using System.ComponentModel.DataAnnotations;
using MynaPlatform.AccessLog.Domain.Chain;

namespace MynaPlatform.AccessLog;

/// <summary>Settings of the access log, bound from <c>AccessLog</c>.</summary>
public sealed class AccessLogOptions
{
    public const string SectionName = "AccessLog";

    /// <summary>Whole years an entry is kept before retention removes it; the law requires 7.</summary>
    [Range(1, 100, ErrorMessage = "AccessLog:RetentionYears must be a whole number of years from 1 to 100.")]
    public int RetentionYears { get; set; } = RetentionPolicy.DefaultYears;

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "AccessLog:RetentionInterval must be from 1 minute to 7 days.")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Most rows one CSV export writes; a person narrows the filters to export more.</summary>
    [Range(1, 100_000, ErrorMessage = "AccessLog:MaxExportRows must be from 1 to 100000.")]
    public int MaxExportRows { get; set; } = 10_000;
}
