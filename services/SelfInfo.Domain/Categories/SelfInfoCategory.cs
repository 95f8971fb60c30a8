namespace MynaPlatform.SelfInfo.Domain.Categories;

/// <summary>
/// A category of self-information as the national portal names it: a group (such as 健康・医療)
/// and a name within it (such as 予防接種). One name can belong to two groups (医療費), so the
/// pair is the key.
/// </summary>
public sealed record SelfInfoCategory(string Group, string Name)
{
    public override string ToString() => $"{Group} / {Name}";
}
