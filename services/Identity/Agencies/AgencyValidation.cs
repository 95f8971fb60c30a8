using MynaPlatform.Authentication;
using MynaPlatform.Reference;
using MynaPlatform.ServiceDefaults.Problems;
using MynaPlatform.Text;

namespace MynaPlatform.Identity.Agencies;

/// <summary>Checks an operator's agency registration; every failure names the field and the fix.</summary>
public static class AgencyValidation
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Returns the registration's values, or throws listing every invalid field.</summary>
    public static (string DisplayName, string? Code, IReadOnlyList<string> Scopes) Validate(RegisterAgencyRequest request)
    {
        var errors = new List<(string Field, string Fix)>();
        var displayName = request.DisplayName?.Trim();
        if (DisplayNameError(displayName) is { } nameError)
        {
            errors.Add(("displayName", nameError));
        }

        var code = string.IsNullOrWhiteSpace(request.LocalGovernmentCode) ? null : request.LocalGovernmentCode.Trim();
        if (code is not null && !LocalGovernmentCode.IsValid(code))
        {
            errors.Add(("localGovernmentCode", "地方公共団体の場合は、チェックデジットを含む 6 桁の全国地方公共団体コードを指定してください (例: 千代田区は 131016)。"));
        }

        var scopes = request.Scopes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (scopes.Count == 0 || scopes.Any(scope => !PlatformScopes.AgencyScopes.Contains(scope)))
        {
            errors.Add(("scopes", $"付与するスコープを {string.Join(", ", PlatformScopes.AgencyScopes)} から 1 つ以上指定してください。"));
        }

        return errors.Count == 0 ? (displayName!, code, scopes) : throw Invalid(errors);
    }

    private static string? DisplayNameError(string? displayName)
    {
        if (string.IsNullOrEmpty(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            return $"機関の日本語の名称を {MaxDisplayNameLength} 文字以内で指定してください (例: 千代田区)。";
        }

        // The name is shown to residents on every notice and record of the agency.
        if (DisplayCharacters.FindUnsafe(displayName) is var unsafeAt and >= 0)
        {
            return $"機関の名称に使えない文字 U+{(int)displayName[unsafeAt]:X4} があります。改行、タブ、制御文字、文字の向きを変える記号を取り除いてください。";
        }

        return displayName.Any(IsJapanese) ? null : "機関の名称は、住民が読める日本語 (漢字、ひらがな、カタカナ) を含めて指定してください (例: 千代田区)。";
    }

    private static bool IsJapanese(char character) =>
        character is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The rejection of invalid fields: the detail names the first, and <c>errors</c> lists them all.</summary>
    private static AgencyRequestException Invalid(IReadOnlyList<(string Field, string Fix)> errors)
    {
        var problem = InvalidFields.From(errors);
        return new(StatusCodes.Status400BadRequest, "invalid_request", problem.Title, problem.Detail, problem.Errors);
    }
}
