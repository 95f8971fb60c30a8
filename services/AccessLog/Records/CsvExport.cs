using System.Globalization;
using System.Text;

namespace MynaPlatform.AccessLog.Records;

/// <summary>
/// Writes the person's records as CSV that Excel opens correctly: UTF-8 with a byte order mark,
/// CRLF line ends, every cell quoted, times in Japan time, and a cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return prefixed with <c>'</c> so that a
/// spreadsheet never runs it as a formula.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private const string TimeFormat = "yyyy/MM/dd HH:mm:ss";

    private static readonly string[] Header =
    [
        "番号", "記録日時", "種別", "情報照会者", "情報提供者", "照会日時", "提供日時", "事務", "閲覧者の区分", "閲覧者",
        "情報の分類", "目的", "閲覧日時", "特定個人情報名・データ項目", "開示日",
    ];

    private static readonly Dictionary<string, string> AccessorKindNames = new()
    {
        ["agency"] = "行政機関等",
        ["operator"] = "運用者",
        ["external-site"] = "外部サイト",
        ["proxy"] = "代理人",
    };

    public static byte[] Write(IEnumerable<RecordView> records)
    {
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var record in records)
        {
            AppendRow(text, Cells(record));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Returns the cell as Excel should show it, with a formula-like start neutralised.</summary>
    public static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static IEnumerable<string> Cells(RecordView record) =>
    [
        record.Sequence.ToString(CultureInfo.InvariantCulture),
        Time(record.RecordedAt),
        record.Kind == "exchange" ? "情報連携" : "閲覧",
        Party(record.Requester),
        Party(record.Provider),
        Time(record.RequestedAt),
        Time(record.ProvidedAt),
        record.AdministrativeTask ?? "",
        record.AccessorKind is { } kind ? AccessorKindNames.GetValueOrDefault(kind, kind) : "",
        Party(record.Accessor),
        record.DataCategory ?? "",
        record.Purpose ?? "",
        Time(record.AccessedAt),
        string.Join("、", record.DataItems),
        record.WithheldUntil?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "",
    ];

    private static string Party(PartyView? party) => party is null ? "" : party.Name is { } name ? $"{name} ({party.Id})" : party.Id;

    private static string Time(DateTimeOffset? instant) =>
        instant is { } value ? JapanTime.From(value).ToString(TimeFormat, CultureInfo.InvariantCulture) : "";

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(cell => "\"" + Neutralize(cell).Replace("\"", "\"\"") + "\""));
        text.Append("\r\n");
    }
}
