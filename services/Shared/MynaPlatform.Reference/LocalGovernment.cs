namespace MynaPlatform.Reference;

public enum LocalGovernmentKind
{
    Prefecture,
    Municipality,
    Ward,
}

/// <summary>A prefecture, municipality or ward of the 全国地方公共団体コード list.</summary>
/// <param name="Code">Six-digit code with its check digit.</param>
/// <param name="Kind">Prefecture, municipality, or a ward of a designated city.</param>
/// <param name="Prefecture">Name of the prefecture it belongs to.</param>
/// <param name="ParentMunicipality">For a ward, the city it belongs to; otherwise null.</param>
/// <param name="Name">Name, e.g. 千代田区.</param>
/// <param name="Reading">Reading in hiragana, e.g. ちよだく.</param>
public sealed record LocalGovernment(
    string Code,
    LocalGovernmentKind Kind,
    string Prefecture,
    string? ParentMunicipality,
    string Name,
    string Reading)
{
    /// <summary>The name as written on documents: prefecture, city and ward, e.g. 北海道札幌市中央区.</summary>
    public string FullName => Kind switch
    {
        LocalGovernmentKind.Prefecture => Name,
        LocalGovernmentKind.Ward => Prefecture + ParentMunicipality + Name,
        _ => Prefecture + Name,
    };
}
