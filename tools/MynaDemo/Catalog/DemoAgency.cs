using MynaPlatform.Reference;

namespace MynaPlatform.MynaDemo.Catalog;

/// <summary>An agency that the demo registers and plays.</summary>
/// <param name="Key">Upper-case key of the agency in the <c>DEMO_AGENCY_{Key}_...</c> entries of <c>platform.env</c>.</param>
/// <param name="DisplayName">Japanese name shown to people.</param>
/// <param name="LocalGovernmentCode">Six-digit 全国地方公共団体コード of a local government; null for a national body.</param>
/// <param name="Scopes">Scopes the operator grants.</param>
public sealed record DemoAgency(string Key, string DisplayName, string? LocalGovernmentCode, IReadOnlyList<string> Scopes);

/// <summary>The four demo agencies: a real city, two real national bodies and a fictitious health-insurance society.</summary>
public static class DemoAgencies
{
    /// <summary>横浜市, a designated city, in the 全国地方公共団体コード list.</summary>
    public const string CityCode = "141003";

    public static readonly LocalGovernment City = FindCity(CityCode);

    public static readonly DemoAgency Municipality = new(
        "CITY", City.Name, City.Code, ["notices:write", "self-info:write", "access-log:write"]);

    public static readonly DemoAgency TaxAgency = new("NTA", "国税庁", null, ["notices:write"]);

    public static readonly DemoAgency PensionService = new(
        "PENSION", "日本年金機構", null, ["notices:write", "self-info:write", "self-info:read", "access-log:write"]);

    /// <summary>A fictitious 健康保険組合; no society of this name exists.</summary>
    public static readonly DemoAgency HealthInsurance = new(
        "HEALTH_INSURANCE", "見本商事健康保険組合", null, ["notices:write", "self-info:write", "access-log:write"]);

    public static readonly IReadOnlyList<DemoAgency> All = [Municipality, TaxAgency, PensionService, HealthInsurance];

    /// <summary>Returns the first ward of the city by code, for the resident's address.</summary>
    public static LocalGovernment FirstWard() =>
        LocalGovernmentDirectory.All
            .Where(entry => entry.Kind == LocalGovernmentKind.Ward && entry.Prefecture == City.Prefecture && entry.ParentMunicipality == City.Name)
            .OrderBy(entry => entry.Code, StringComparer.Ordinal)
            .First();

    private static LocalGovernment FindCity(string code)
    {
        if (!LocalGovernmentCode.IsValid(code))
        {
            throw new InvalidOperationException($"The demo city's code {code} has a wrong check digit.");
        }

        return LocalGovernmentDirectory.Find(code)
            ?? throw new InvalidOperationException($"The demo city's code {code} is not in the local government list.");
    }
}
