/** The host pages' own stylesheet and script (files, not inline). */
export const HOST_CSS = `body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:var(--ds-text);background:var(--ds-surface)}
header.top{display:flex;justify-content:space-between;align-items:center;padding:8px 16px;border-bottom:1px solid var(--ds-border)}
header.top a{color:var(--ds-text);text-decoration:none}.switch{display:flex;gap:12px}main{padding:16px;max-width:1200px}
a{color:var(--ds-link)}.issue{display:grid;grid-template-columns:1fr 380px;gap:24px}.panel-frame,.gadget-frame{width:100%;border:1px solid var(--ds-border);border-radius:4px;background:var(--ds-surface)}
.panel-frame{height:720px}.gadget-frame{height:900px}.fields dt{font-weight:600;margin-top:8px}.fields dd{margin:0}.desc{white-space:pre-wrap;border:1px solid var(--ds-border);padding:8px;border-radius:4px}
form.stack{display:flex;flex-direction:column;gap:6px;max-width:600px}input,textarea,select{font:inherit;color:inherit;background:var(--ds-background-input);border:1px solid var(--ds-border-input);border-radius:3px;padding:4px}
table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid var(--ds-border);text-align:left}`;

export const HOST_JS = `(function(){
  document.querySelectorAll('[data-autosubmit]').forEach(function(el){el.addEventListener('change',function(){el.form.submit();});});
  function frames(){return Array.prototype.slice.call(document.querySelectorAll('iframe[data-forge]'));}
  window.addEventListener('message',function(e){
    if(e.origin!==location.origin||!e.data)return;
    if(e.data.type==='forge-submitted'){var u=new URL(location.href);u.searchParams.delete('edit');location.href=u.toString();}
    if(e.data.type==='forge-open'){var t=e.data.target;var url=typeof t==='string'?t:(t&&t.url)||'';if(url.indexOf('/issues/?jql=')===0||url.indexOf('/issues?jql=')===0){var q=new URL(url,location.origin).searchParams.get('jql');location.href='/issues?jql='+encodeURIComponent(q)+'&'+new URL(location.href).searchParams.toString().replace(/(^|&)(edit|jql)=[^&]*/g,'');}}
  });
  var edit=document.getElementById('edit-issue');
  if(edit){edit.addEventListener('submit',function(ev){ev.preventDefault();
    fetch(edit.action,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({summary:edit.summary.value,description:edit.description.value})})
    .then(function(r){return r.json();}).then(function(r){var s=document.getElementById('edit-status');s.textContent=r.error?r.error:'Saved.';
      if(!r.error){document.getElementById('summary-text').textContent=edit.summary.value;document.getElementById('description-text').textContent=edit.description.value;
      setTimeout(function(){frames().forEach(function(f){f.contentWindow.postMessage({type:'forge-event',event:'JIRA_ISSUE_CHANGED',payload:{issueId:edit.dataset.issue}},location.origin);});},300);}});
  });}
})();`;
