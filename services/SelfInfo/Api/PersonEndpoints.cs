using System.Security.Claims;
using System.Text.RegularExpressions;
using MynaPlatform.Authentication;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.Text;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>
/// The person's own view: categories, records, search and the "this is not me" flag. Every query
/// is scoped to the PersonId of the token, so no route reaches another person's records; the
/// person's own reads are not access events.
/// </summary>
public static partial class PersonEndpoints
{
    public const int MaxQueryLength = 100;

    public static RouteGroupBuilder MapPersonEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Person").RequirePerson(PlatformScopes.SelfInfoOwn);

        me.MapGet("/categories", ListCategoriesAsync)
            .WithName("ListOwnCategories")
            .WithSummary("Lists every category with the number of the person's records in it.");

        me.MapGet("/records", ListRecordsAsync)
            .WithName("ListOwnRecords")
            .WithSummary("Lists the person's records, optionally of one category (group and name).");

        me.MapGet("/records/{recordId}", GetRecordAsync)
            .WithName("GetOwnRecord")
            .WithSummary("Returns one of the person's records.");

        me.MapGet("/search", SearchAsync)
            .WithName("SearchOwnRecords")
            .WithSummary("Searches the person's records by category, agency, item label or value.");

        me.MapPost("/records/{recordId}/not-mine", FlagAsync)
            .WithName("FlagRecordNotMine")
            .WithSummary("Flags a record as not the person's; it is hidden from every reader until corrected or cleared.");

        return api;
    }

    private static async Task<IResult> ListCategoriesAsync(ClaimsPrincipal user, ISelfInfoStore store, CancellationToken cancellationToken)
    {
        var records = await store.ListForPersonAsync(PersonId(user), null, cancellationToken);
        var counts = records.GroupBy(record => record.Current.Category).ToDictionary(group => group.Key, group => group.Count());
        return TypedResults.Ok(new CategoryListView(
            [.. SelfInfoCategories.All.Select(category => new CategoryCountView(category.Group, category.Name, counts.GetValueOrDefault(category)))]));
    }

    private static async Task<IResult> ListRecordsAsync(
        string? group, string? name, ClaimsPrincipal user, ISelfInfoStore store, CancellationToken cancellationToken)
    {
        SelfInfoCategory? category = null;
        if (group is not null || name is not null)
        {
            if (!SelfInfoCategories.IsGroup(group))
            {
                return SelfInfoProblems.Invalid("group",
                    $"分類のグループを {string.Join(", ", SelfInfoCategories.Groups)} のいずれかで指定してください。全件を見る場合は group と name を省略してください。");
            }

            if (!SelfInfoCategories.TryFind(group, name, out category))
            {
                return SelfInfoProblems.Invalid("name", $"グループ「{group}」の分類名を {SelfInfoCategories.NamesIn(group!)} のいずれかで指定してください。");
            }
        }

        var records = await store.ListForPersonAsync(PersonId(user), category, cancellationToken);
        return TypedResults.Ok(new PersonRecordListView([.. records.Select(PersonRecordView.From)]));
    }

    private static async Task<IResult> GetRecordAsync(string recordId, ClaimsPrincipal user, ISelfInfoStore store, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(recordId, out var id))
        {
            return InvalidRecordId();
        }

        var record = await store.FindForPersonAsync(PersonId(user), id, cancellationToken);
        return record is null ? SelfInfoProblems.RecordNotFound("recordId") : TypedResults.Ok(PersonRecordView.From(record));
    }

    private static async Task<IResult> SearchAsync(string? q, ClaimsPrincipal user, ISelfInfoStore store, CancellationToken cancellationToken)
    {
        var query = q is null ? "" : SearchText.Normalize(q);
        if (query.Length == 0 || query.Length > MaxQueryLength)
        {
            return SelfInfoProblems.Invalid("q", $"検索する語を 1 文字以上 {MaxQueryLength} 文字以内で指定してください (例: 年金)。");
        }

        var personId = PersonId(user);
        var records = await store.SearchForPersonAsync(personId, query, cancellationToken);

        // The portal shows an amount in yen grouped by thousands (4,350,000 円) whether the agency sent
        // it with separators or without, so a grouped number is searched for in both forms.
        if (GroupedNumber().IsMatch(query))
        {
            var ungrouped = await store.SearchForPersonAsync(personId, query.Replace(",", "", StringComparison.Ordinal), cancellationToken);
            records = [.. records.UnionBy(ungrouped, record => record.RecordId)
                .OrderByDescending(record => record.Current.PublishedAt)
                .ThenBy(record => record.RecordId.ToString(), StringComparer.Ordinal)];
        }

        return TypedResults.Ok(new PersonRecordListView([.. records.Select(PersonRecordView.From)]));
    }

    [GeneratedRegex("^-?[0-9]{1,3}(,[0-9]{3})+$")]
    private static partial Regex GroupedNumber();

    private static async Task<IResult> FlagAsync(
        string recordId, ClaimsPrincipal user, ISelfInfoStore store, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(recordId, out var id))
        {
            return InvalidRecordId();
        }

        var flag = await store.FlagAsync(PersonId(user), id, clock.GetUtcNow(), cancellationToken);
        if (flag is null)
        {
            return SelfInfoProblems.RecordNotFound("recordId");
        }

        var view = new FlagView(flag.FlagId, id, PersonRecordView.UnderReview, flag.FlaggedAt);
        if (!flag.Created)
        {
            return TypedResults.Ok(view);
        }

        Log.Flagged(loggers.CreateLogger(typeof(PersonEndpoints)), flag.FlagId, id);
        return TypedResults.Created($"/api/{SelfInfoServiceExtensions.RoutePrefix}/me/records/{id}", view);
    }

    private static string PersonId(ClaimsPrincipal user) =>
        user.PersonId() ?? throw new InvalidOperationException("A person route was reached without a person's token.");

    private static IResult InvalidRecordId() =>
        SelfInfoProblems.Invalid("recordId", "記録の ID (一覧で返された recordId、UUID 形式) を指定してください。");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RecordFlagged", Level = LogLevel.Information,
            Message = "Flag {FlagId} hides record {RecordId} until the agency corrects it or an operator clears it")]
        public static partial void Flagged(ILogger logger, Guid flagId, Guid recordId);
    }
}
