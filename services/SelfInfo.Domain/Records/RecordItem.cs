namespace MynaPlatform.SelfInfo.Domain.Records;

/// <summary>One data item of a record as the person sees it: a label, a value and an optional unit (such as 円).</summary>
public sealed record RecordItem(string Label, string Value, string? Unit);
