namespace MynaPlatform.SelfInfo.Domain.Records;

public static class RecordLimits
{
    public const int MaxRecordKeyLength = 64;
    public const int MaxAgencyPersonIdLength = 64;
    public const int MaxItems = 100;
    public const int MaxLabelLength = 50;
    public const int MaxValueLength = 1_000;
    public const int MaxUnitLength = 20;

    /// <summary>The earliest as-of date accepted; older dates are typing mistakes.</summary>
    public static readonly DateOnly EarliestAsOf = new(1900, 1, 1);
}
