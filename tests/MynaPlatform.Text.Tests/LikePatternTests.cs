using Microsoft.Data.Sqlite;
using MynaPlatform.Text;
using Xunit;

namespace MynaPlatform.Text.Tests;

/// <summary>Runs the patterns through SQLite's own LIKE, the way the services use them.</summary>
public sealed class LikePatternTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public LikePatternTests()
    {
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE documents (id INTEGER PRIMARY KEY, normalized TEXT NOT NULL);";
        create.ExecuteNonQuery();
        Insert("ねんきん定期便のお知らせ");
        Insert("2026年度 予防接種");
        Insert("割引率 50% の適用");
        Insert("file_name と filexname");
    }

    [Theory]
    [InlineData("ﾈﾝｷﾝ", "ねんきん定期便のお知らせ")]
    [InlineData("ネンキン", "ねんきん定期便のお知らせ")]
    [InlineData("２０２６", "2026年度 予防接種")]
    [InlineData("予防", "2026年度 予防接種")]
    [InlineData("50%", "割引率 50% の適用")]
    [InlineData("file_", "file_name と filexname")]
    public void Contains_Query_MatchesStoredText(string query, string expected) =>
        Assert.Equal([SearchText.Normalize(expected)], Search(query));

    [Fact]
    public void Contains_PercentQuery_MatchesOnlyLiteralPercent() =>
        Assert.Equal([SearchText.Normalize("割引率 50% の適用")], Search("%"));

    [Fact]
    public void Contains_UnderscoreQuery_DoesNotMatchAnyCharacter() =>
        Assert.Empty(Search("filex_"));

    public void Dispose() => connection.Dispose();

    private void Insert(string text)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO documents (normalized) VALUES ($text);";
        insert.Parameters.AddWithValue("$text", SearchText.Normalize(text));
        insert.ExecuteNonQuery();
    }

    private List<string> Search(string query)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT normalized FROM documents WHERE normalized LIKE $pattern ESCAPE '\\' ORDER BY id;";
        select.Parameters.AddWithValue("$pattern", LikePattern.Contains(query));

        var found = new List<string>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
