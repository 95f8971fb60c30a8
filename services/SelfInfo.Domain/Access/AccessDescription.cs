using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;

namespace MynaPlatform.SelfInfo.Domain.Access;

/// <summary>
/// What one read covered, as the access event names it for the person: the category names and
/// the item labels, never the values.
/// </summary>
public sealed record AccessDescription(string DataCategory, IReadOnlyList<string> DataItems)
{
    /// <summary>Separator of several category names in one event, as Japanese lists are written.</summary>
    public const string CategorySeparator = "、";

    /// <summary>
    /// Describes a read of <paramref name="records"/>: their distinct category names in the
    /// catalogue's order, and their distinct item labels in the order first read.
    /// </summary>
    public static AccessDescription Of(IEnumerable<(SelfInfoCategory Category, IEnumerable<RecordItem> Items)> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        var categories = new HashSet<SelfInfoCategory>();
        var labels = new List<string>();
        var seenLabels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (category, items) in records)
        {
            categories.Add(category);
            foreach (var item in items)
            {
                if (seenLabels.Add(item.Label))
                {
                    labels.Add(item.Label);
                }
            }
        }

        if (categories.Count == 0)
        {
            throw new ArgumentException("A read without records is not an access; emit no event for it.", nameof(records));
        }

        var names = SelfInfoCategories.All.Where(categories.Contains).Select(category => category.Name).Distinct();
        return new AccessDescription(string.Join(CategorySeparator, names), labels);
    }
}
