using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Identity.Operations;

public sealed class SelfCheckOptions
{
    public const string SectionName = "SelfCheck";

    /// <summary>How long the self-check waits for the consuming service to store its receipt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
