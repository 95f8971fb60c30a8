namespace MynaPlatform.Notices.Domain.Attachments;

/// <summary>The last bytes of a stream read in chunks, kept in a ring buffer.</summary>
internal sealed class TailWindow(int capacity)
{
    private readonly byte[] ring = new byte[capacity];
    private long total;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > ring.Length)
        {
            chunk = chunk[^ring.Length..];
        }

        foreach (var value in chunk)
        {
            ring[total % ring.Length] = value;
            total++;
        }
    }

    public byte[] ToArray()
    {
        var count = (int)Math.Min(total, ring.Length);
        var result = new byte[count];
        for (var index = 0; index < count; index++)
        {
            result[index] = ring[(total - count + index) % ring.Length];
        }

        return result;
    }
}
