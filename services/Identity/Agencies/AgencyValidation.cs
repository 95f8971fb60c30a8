using MynaPlatform.Authentication;
using MynaPlatform.Reference;
using MynaPlatform.Text;

namespace MynaPlatform.Identity.Agencies;

/// <summary>Checks an operator's agency registration; every failure names the field and the fix.</summary>
public static class AgencyValidation
{
    public const int MaxDisplayNameLength = 100;

    public static (string DisplayName, string? Code, IReadOnlyList<string> Scopes) Validate(RegisterAgencyRequest request)
    {
        var displayName = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            throw Invalid("displayName", $"機関の日本語の名称を {MaxDisplayNameLength} 文字以内で指定してください (例: 千代田区)。");
        }

        // The name is shown to residents on every notice and record of the agency.
        if (DisplayCharacters.FindUnsafe(displayName) is var unsafeAt and >= 0)
        {
            throw Invalid("displayName",
                $"機関の名称に使えない文字 U+{(int)displayName[unsafeAt]:X4} があります。改行、タブ、制御文字、文字の向きを変える記号を取り除いてください。");
        }

        if (!displayName.Any(IsJapanese))
        {
            throw Invalid("displayName", "機関の名称は、住民が読める日本語 (漢字、ひらがな、カタカナ) を含めて指定してください (例: 千代田区)。");
        }

        var code = string.IsNullOrWhiteSpace(request.LocalGovernmentCode) ? null : request.LocalGovernmentCode.Trim();
        if (code is not null && !LocalGovernmentCode.IsValid(code))
        {
            throw Invalid("localGovernmentCode", "地方公共団体の場合は、チェックデジットを含む 6 桁の全国地方公共団体コードを指定してください (例: 千代田区は 131016)。");
        }

        var scopes = request.Scopes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (scopes.Count == 0 || scopes.Any(scope => !PlatformScopes.AgencyScopes.Contains(scope)))
        {
            throw Invalid("scopes", $"付与するスコープを {string.Join(", ", PlatformScopes.AgencyScopes)} から 1 つ以上指定してください。");
        }

        return (displayName, code, scopes);
    }

    private static bool IsJapanese(char character) =>
        character is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static AgencyRequestException Invalid(string field, string fix) =>
        new(StatusCodes.Status400BadRequest, "invalid_request", $"{field} が正しくありません。", $"{field}: {fix}");
}
