using System.Text;
using Microsoft.Data.Sqlite;
using MynaPlatform.Contracts.Notices;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Storage.Sqlite;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Storage;

/// <summary>The person's side of the SQLite notice store; every query is scoped to the person.</summary>
internal sealed partial class SqliteNoticeStore
{
    private const string InboxColumns =
        "notice_id, title, category, agency_client_id, agency_name, visible_at, expires_at, read_at, archived_at, attachment_count";

    private const string Visible =
        "person_id = $personId AND published_at IS NOT NULL AND withdrawn_at IS NULL AND (expires_at IS NULL OR expires_at > $now)";

    public Task<InboxPage> ListAsync(string personId, InboxFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var where = BuildFilter(command.Parameters, personId, filter, now);

            command.CommandText = $"SELECT COUNT(*) FROM notices WHERE {where};";
            var total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));

            command.CommandText = $"""
                SELECT {InboxColumns} FROM notices WHERE {where}
                ORDER BY visible_at DESC, notice_id DESC LIMIT $limit OFFSET $offset;
                """;
            command.Parameters.AddWithValue("$limit", filter.PageSize);
            command.Parameters.AddWithValue("$offset", (long)(filter.Page - 1) * filter.PageSize);
            var items = new List<InboxItem>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadInboxItem(reader));
            }

            return new InboxPage(items, total);
        }, cancellationToken);

    public Task<int> CountUnreadAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM notices WHERE {Visible} AND read_at IS NULL AND archived_at IS NULL;";
            BindPerson(command.Parameters, personId, now);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);

    public Task<InboxNotice?> OpenAsync(string personId, Guid noticeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var query = write.CreateCommand(
                $"SELECT {InboxColumns}, body, body_format, payment_reference FROM notices WHERE notice_id = $noticeId AND {Visible};");
            BindPerson(query.Parameters, personId, now);
            query.Parameters.AddWithValue("$noticeId", noticeId.ToString());

            InboxItem summary;
            string body;
            BodyFormat format;
            string? paymentReference;
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                summary = ReadInboxItem(reader);
                body = reader.GetString(10);
                format = BodyFormats.TryParse(reader.GetString(11), out var parsed) ? parsed : BodyFormat.Plain;
                paymentReference = reader.IsDBNull(12) ? null : reader.GetString(12);
            }

            if (summary.ReadAt is null)
            {
                await using var update = write.CreateCommand("UPDATE notices SET read_at = $now WHERE notice_id = $noticeId;");
                update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
                update.Parameters.AddWithValue("$noticeId", noticeId.ToString());
                await update.ExecuteNonQueryAsync(cancellationToken);
                await outbox.EnqueueAsync(write, new NoticeRead(noticeId, personId, summary.AgencyClientId, now), noticeId.ToString(), cancellationToken);
                summary = summary with { ReadAt = now };
            }

            var attachments = await ReadAttachmentListAsync(write, noticeId, cancellationToken);
            return new InboxNotice(summary, body, format, paymentReference, attachments);
        }, cancellationToken);

    public Task<AttachmentContent?> FindAttachmentAsync(string personId, Guid noticeId, int position, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = $"""
                SELECT a.file_name, a.content FROM notice_attachments a
                WHERE a.notice_id = $noticeId AND a.position = $position
                AND EXISTS (SELECT 1 FROM notices WHERE notice_id = $noticeId AND {Visible});
                """;
            BindPerson(query.Parameters, personId, now);
            query.Parameters.AddWithValue("$noticeId", noticeId.ToString());
            query.Parameters.AddWithValue("$position", position);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new AttachmentContent(reader.GetString(0), (byte[])reader.GetValue(1))
                : null;
        }, cancellationToken);

    public Task<bool> SetArchivedAsync(string personId, Guid noticeId, bool archived, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            // COALESCE keeps the first archive time when a notice is archived twice.
            var assignment = archived ? "archived_at = COALESCE(archived_at, $now)" : "archived_at = NULL";
            await using var update = write.CreateCommand($"UPDATE notices SET {assignment} WHERE notice_id = $noticeId AND {Visible};");
            BindPerson(update.Parameters, personId, now);
            update.Parameters.AddWithValue("$noticeId", noticeId.ToString());
            return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    private static string BuildFilter(SqliteParameterCollection parameters, string personId, InboxFilter filter, DateTimeOffset now)
    {
        BindPerson(parameters, personId, now);
        var where = new StringBuilder(Visible);
        where.Append(filter.Archived ? " AND archived_at IS NOT NULL" : " AND archived_at IS NULL");
        if (filter.Category is not null)
        {
            where.Append(" AND category = $category");
            parameters.AddWithValue("$category", filter.Category);
        }

        if (filter.AgencyClientId is not null)
        {
            where.Append(" AND agency_client_id = $agency");
            parameters.AddWithValue("$agency", filter.AgencyClientId);
        }

        if (filter.Read is { } read)
        {
            where.Append(read ? " AND read_at IS NOT NULL" : " AND read_at IS NULL");
        }

        if (filter.Period.StartUtc is { } start)
        {
            where.Append(" AND visible_at >= $from");
            parameters.AddWithValue("$from", SqliteValues.ToText(start));
        }

        if (filter.Period.EndUtc is { } end)
        {
            where.Append(" AND visible_at < $to");
            parameters.AddWithValue("$to", SqliteValues.ToText(end));
        }

        if (filter.Search is not null)
        {
            where.Append($" AND search_text LIKE $search ESCAPE '{LikePattern.EscapeCharacter}'");
            parameters.AddWithValue("$search", LikePattern.Contains(filter.Search));
        }

        return where.ToString();
    }

    private static void BindPerson(SqliteParameterCollection parameters, string personId, DateTimeOffset now)
    {
        parameters.AddWithValue("$personId", personId);
        parameters.AddWithValue("$now", SqliteValues.ToText(now));
    }

    private static InboxItem ReadInboxItem(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        SqliteValues.ToInstant(reader.GetString(5)),
        Instant(reader, 6),
        Instant(reader, 7),
        !reader.IsDBNull(8),
        reader.GetInt32(9));

    private static async Task<IReadOnlyList<AttachmentInfo>> ReadAttachmentListAsync(SqliteWrite write, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var query = write.CreateCommand(
            "SELECT position, file_name, length FROM notice_attachments WHERE notice_id = $noticeId ORDER BY position;");
        query.Parameters.AddWithValue("$noticeId", noticeId.ToString());
        var attachments = new List<AttachmentInfo>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            attachments.Add(new AttachmentInfo(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return attachments;
    }
}
