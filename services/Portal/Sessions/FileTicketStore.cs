using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace MynaPlatform.Portal.Sessions;

/// <summary>
/// Keeps each session's ticket (the principal and its tokens) in one file under the data folder,
/// encrypted with the portal's data-protection keys, so the cookie carries only a random key and
/// sessions survive a restart. A file unused for twice the idle timeout is deleted.
/// </summary>
public sealed partial class FileTicketStore(
    string folder, TimeSpan idleTimeout, IDataProtectionProvider protection, TimeProvider clock, ILogger<FileTicketStore> logger) : ITicketStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly IDataProtector protector = protection.CreateProtector("MynaPlatform.Portal.SessionTickets");
    private long nextSweepTicks;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        SweepExpired();
        var key = RandomNumberGenerator.GetHexString(64, lowercase: true);
        await WriteAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => IsKey(key) ? WriteAsync(key, ticket) : Task.CompletedTask;

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var path = PathOf(key);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var ticket = TicketSerializer.Default.Deserialize(protector.Unprotect(await File.ReadAllBytesAsync(path)));
            if (ticket?.Properties.ExpiresUtc is { } expires && expires <= clock.GetUtcNow())
            {
                File.Delete(path);
                return null;
            }

            return ticket;
        }
        catch (CryptographicException exception)
        {
            // The keys that protected the ticket are gone (a reset data folder), so the person logs in again.
            Log.TicketUnreadable(logger, exception);
            File.Delete(path);
            return null;
        }
    }

    public Task RemoveAsync(string key)
    {
        if (PathOf(key) is { } path)
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private async Task WriteAsync(string key, AuthenticationTicket ticket)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(key)!;
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, protector.Protect(TicketSerializer.Default.Serialize(ticket)));
        File.Move(temporary, path, overwrite: true);
    }

    private void SweepExpired()
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due || !Directory.Exists(folder))
        {
            return;
        }

        var cutoff = (now - 2 * idleTimeout).UtcDateTime;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.ticket"))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
            }
        }
    }

    private string? PathOf(string key) => IsKey(key) ? Path.Combine(folder, $"{key}.ticket") : null;

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "TicketUnreadable", Level = LogLevel.Warning,
            Message = "A session ticket could not be decrypted and was deleted")]
        public static partial void TicketUnreadable(ILogger logger, Exception exception);
    }
}
