using Microsoft.Data.Sqlite;
using MynaPlatform.Contracts.Notices;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Notices.Domain;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Notices.Storage;

/// <summary>The SQLite notice store: partner writes and publishing here, the inbox in the other part.</summary>
internal sealed partial class SqliteNoticeStore(SqliteDatabase database, SqliteOutbox outbox) : INoticeStore
{
    private const string AgencyStateColumns =
        "notice_id, recipient, category, visible_at, expires_at, published_at, read_at, withdrawn_at";

    public Task<IReadOnlyList<StoredNotice>> AddAsync(IReadOnlyList<NewNotice> notices, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<StoredNotice>>(async write =>
        {
            var stored = new List<StoredNotice>(notices.Count);
            foreach (var notice in notices)
            {
                stored.Add(new StoredNotice(notice.ItemIndex, await AddOneAsync(write, notice, cancellationToken)));
            }

            return stored;
        }, cancellationToken);

    private async Task<Guid> AddOneAsync(SqliteWrite write, NewNotice notice, CancellationToken cancellationToken)
    {
        var content = notice.Content;
        await using var insert = write.CreateCommand("""
            INSERT INTO notices (notice_id, push_id, item_index, agency_client_id, agency_name, recipient, person_id, title, body,
                body_format, category, visible_at, expires_at, payment_reference, search_text, attachment_count, created_at, published_at)
            VALUES ($noticeId, $pushId, $itemIndex, $agency, $agencyName, $recipient, $personId, $title, $body,
                $bodyFormat, $category, $visibleAt, $expiresAt, $paymentReference, $searchText, $attachmentCount, $createdAt, $publishedAt)
            ON CONFLICT (push_id, item_index) DO NOTHING;
            """);
        var parameters = insert.Parameters;
        parameters.AddWithValue("$noticeId", notice.NoticeId.ToString());
        parameters.AddWithValue("$pushId", notice.PushId.ToString());
        parameters.AddWithValue("$itemIndex", notice.ItemIndex);
        parameters.AddWithValue("$agency", notice.AgencyClientId);
        parameters.AddWithValue("$agencyName", notice.AgencyName);
        parameters.AddWithValue("$recipient", notice.Recipient);
        parameters.AddWithValue("$personId", notice.PersonId);
        parameters.AddWithValue("$title", content.Title);
        parameters.AddWithValue("$body", content.Body);
        parameters.AddWithValue("$bodyFormat", content.BodyFormat.ToKey());
        parameters.AddWithValue("$category", content.Category.Key);
        parameters.AddWithValue("$visibleAt", SqliteValues.ToText(notice.VisibleAt));
        parameters.AddWithValue("$expiresAt", Text(content.ExpiresAt));
        parameters.AddWithValue("$paymentReference", SqliteValues.ToDbValue(content.PaymentReference));
        parameters.AddWithValue("$searchText", NoticeSearchDocument.Create(content));
        parameters.AddWithValue("$attachmentCount", notice.Attachments.Count);
        parameters.AddWithValue("$createdAt", SqliteValues.ToText(notice.CreatedAt));
        parameters.AddWithValue("$publishedAt", notice.PublishesAtOnce ? SqliteValues.ToText(notice.CreatedAt) : DBNull.Value);

        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return await FindStoredIdAsync(write, notice, cancellationToken);
        }

        for (var position = 0; position < notice.Attachments.Count; position++)
        {
            await AddAttachmentAsync(write, notice.NoticeId, position + 1, notice.Attachments[position], cancellationToken);
        }

        if (notice.PublishesAtOnce)
        {
            var published = new NoticePublished(notice.NoticeId, notice.PersonId, notice.AgencyClientId, content.Category.Key, notice.CreatedAt);
            await outbox.EnqueueAsync(write, published, notice.NoticeId.ToString(), cancellationToken);
        }

        return notice.NoticeId;
    }

    private static async Task<Guid> FindStoredIdAsync(SqliteWrite write, NewNotice notice, CancellationToken cancellationToken)
    {
        await using var query = write.CreateCommand("SELECT notice_id FROM notices WHERE push_id = $pushId AND item_index = $itemIndex;");
        query.Parameters.AddWithValue("$pushId", notice.PushId.ToString());
        query.Parameters.AddWithValue("$itemIndex", notice.ItemIndex);
        return Guid.Parse((string)(await query.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task AddAttachmentAsync(SqliteWrite write, Guid noticeId, int position, NewAttachment attachment, CancellationToken cancellationToken)
    {
        await using var insert = write.CreateCommand("""
            INSERT INTO notice_attachments (notice_id, position, file_name, length, sha256, content)
            VALUES ($noticeId, $position, $fileName, $length, $sha256, $content);
            """);
        insert.Parameters.AddWithValue("$noticeId", noticeId.ToString());
        insert.Parameters.AddWithValue("$position", position);
        insert.Parameters.AddWithValue("$fileName", attachment.Digest.FileName);
        insert.Parameters.AddWithValue("$length", attachment.Digest.Length);
        insert.Parameters.AddWithValue("$sha256", attachment.Digest.Sha256);
        insert.Parameters.AddWithValue("$content", attachment.Content);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<AgencyNoticeState?> FindForAgencyAsync(string agencyClientId, Guid noticeId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadAgencyStateAsync(connection, null, agencyClientId, noticeId, cancellationToken), cancellationToken);

    public Task<(IReadOnlyList<AgencyNoticeState> Notices, int Total)> ListForAgencyAsync(
        string agencyClientId, int page, int pageSize, CancellationToken cancellationToken) =>
        database.ReadAsync<(IReadOnlyList<AgencyNoticeState>, int)>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$agency", agencyClientId);
            command.CommandText = "SELECT COUNT(*) FROM notices WHERE agency_client_id = $agency;";
            var total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));

            command.CommandText = $"""
                SELECT {AgencyStateColumns} FROM notices WHERE agency_client_id = $agency
                ORDER BY created_at DESC, notice_id DESC LIMIT $limit OFFSET $offset;
                """;
            command.Parameters.AddWithValue("$limit", pageSize);
            command.Parameters.AddWithValue("$offset", (long)(page - 1) * pageSize);
            var states = new List<AgencyNoticeState>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add(ReadAgencyState(reader));
            }

            return (states, total);
        }, cancellationToken);

    public Task<WithdrawOutcome> WithdrawAsync(string agencyClientId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var state = await ReadAgencyStateAsync(write.Connection, write.Transaction, agencyClientId, noticeId, cancellationToken);
            if (state is null)
            {
                return new WithdrawOutcome(WithdrawResult.NotFound, null);
            }

            if (state.WithdrawnAt is not null)
            {
                return new WithdrawOutcome(WithdrawResult.AlreadyWithdrawn, state);
            }

            if (state.ReadAt is not null)
            {
                return new WithdrawOutcome(WithdrawResult.AlreadyRead, state);
            }

            await using var update = write.CreateCommand("UPDATE notices SET withdrawn_at = $now WHERE notice_id = $noticeId;");
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            update.Parameters.AddWithValue("$noticeId", noticeId.ToString());
            await update.ExecuteNonQueryAsync(cancellationToken);

            var personId = await ReadPersonIdAsync(write, noticeId, cancellationToken);
            await outbox.EnqueueAsync(write, new NoticeWithdrawn(noticeId, personId, agencyClientId, now), noticeId.ToString(), cancellationToken);
            return new WithdrawOutcome(WithdrawResult.Withdrawn, state with { WithdrawnAt = now });
        }, cancellationToken);

    public Task<int> PublishDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var due = new List<(Guid NoticeId, string PersonId, string Agency, string Category)>();
            await using (var query = write.CreateCommand("""
                SELECT notice_id, person_id, agency_client_id, category FROM notices
                WHERE published_at IS NULL AND withdrawn_at IS NULL AND visible_at <= $now
                ORDER BY visible_at LIMIT $limit;
                """))
            {
                query.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
                query.Parameters.AddWithValue("$limit", limit);
                await using var reader = await query.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    due.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }

            await using var update = write.CreateCommand("UPDATE notices SET published_at = $now WHERE notice_id = $noticeId AND published_at IS NULL;");
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            var noticeIdParameter = update.Parameters.Add("$noticeId", SqliteType.Text);
            foreach (var notice in due)
            {
                noticeIdParameter.Value = notice.NoticeId.ToString();
                await update.ExecuteNonQueryAsync(cancellationToken);
                var published = new NoticePublished(notice.NoticeId, notice.PersonId, notice.Agency, notice.Category, now);
                await outbox.EnqueueAsync(write, published, notice.NoticeId.ToString(), cancellationToken);
            }

            return due.Count;
        }, cancellationToken);

    private static async Task<AgencyNoticeState?> ReadAgencyStateAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string agencyClientId, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT {AgencyStateColumns} FROM notices WHERE notice_id = $noticeId AND agency_client_id = $agency;";
        query.Parameters.AddWithValue("$noticeId", noticeId.ToString());
        query.Parameters.AddWithValue("$agency", agencyClientId);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAgencyState(reader) : null;
    }

    private static AgencyNoticeState ReadAgencyState(SqliteDataReader reader) =>
        new(
            Guid.Parse(reader.GetString(0)),
            reader.GetString(1),
            reader.GetString(2),
            SqliteValues.ToInstant(reader.GetString(3)),
            Instant(reader, 4),
            Instant(reader, 5),
            Instant(reader, 6),
            Instant(reader, 7));

    private static async Task<string> ReadPersonIdAsync(SqliteWrite write, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var query = write.CreateCommand("SELECT person_id FROM notices WHERE notice_id = $noticeId;");
        query.Parameters.AddWithValue("$noticeId", noticeId.ToString());
        return (string)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static object Text(DateTimeOffset? instant) => instant is { } value ? SqliteValues.ToText(value) : DBNull.Value;

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteValues.ToInstant(reader.GetString(ordinal));
}
