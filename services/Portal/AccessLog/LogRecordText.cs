namespace MynaPlatform.Portal.AccessLog;

/// <summary>The Japanese words やりとり履歴 shows for the codes in a record.</summary>
public static class LogRecordText
{
    private static readonly Dictionary<string, string> AccessorKinds = new()
    {
        ["agency"] = "行政機関等",
        ["operator"] = "運用者",
        ["external-site"] = "外部サイト",
        ["proxy"] = "代理人",
    };

    /// <summary>The services that serve reads, by resource name, as the menu names them.</summary>
    private static readonly Dictionary<string, string> Services = new()
    {
        ["identity"] = "利用者登録",
        ["self-info"] = PortalPages.SelfInfo.Title,
        ["notices"] = PortalPages.Notices.Title,
    };

    public static string KindName(LogRecord record) => record.IsExchange ? "情報連携" : "閲覧";

    public static string AccessorKindName(string? kind) => kind is null ? "" : AccessorKinds.GetValueOrDefault(kind, kind);

    public static string ServiceName(string? service) => service is null ? "" : Services.GetValueOrDefault(service, service);

    /// <summary>The data items, or the whole category when a read named none.</summary>
    public static string DataItems(LogRecord record) =>
        record.DataItems.Count > 0 ? string.Join("、", record.DataItems) : $"{record.DataCategory} のすべての項目";
}
