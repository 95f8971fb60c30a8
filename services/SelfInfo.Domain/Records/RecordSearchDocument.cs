using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.Text;

namespace MynaPlatform.SelfInfo.Domain.Records;

/// <summary>
/// The normalised text stored beside each record version for the person's search: the category,
/// the providing agency's name and every item's label, value and unit through
/// <see cref="SearchText.Normalize"/>, matched with <see cref="LikePattern.Contains"/> as notices are.
/// </summary>
public static class RecordSearchDocument
{
    public static string Create(SelfInfoCategory category, string agencyName, IEnumerable<RecordItem> items)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(items);

        var parts = new List<string> { category.Group, category.Name, agencyName };
        foreach (var item in items)
        {
            parts.Add(item.Unit is null ? $"{item.Label} {item.Value}" : $"{item.Label} {item.Value}{item.Unit}");
        }

        return SearchText.Normalize(string.Join('\n', parts));
    }
}
