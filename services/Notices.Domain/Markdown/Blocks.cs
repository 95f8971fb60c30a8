namespace MynaPlatform.Notices.Domain.Markdown;

internal abstract record Block;

/// <summary>A paragraph; each line becomes a line break.</summary>
internal sealed record Paragraph(List<string> Lines) : Block;

/// <summary>A flat list. <paramref name="Marker"/> is the bullet character or the ordered delimiter ('.' or ')').</summary>
internal sealed record ListBlock(bool Ordered, char Marker, int Start, List<List<string>> Items) : Block;
